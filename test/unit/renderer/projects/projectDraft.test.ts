import { describe, expect, it } from 'vitest';
import {
  addBinding,
  addEnvironment,
  emptyDraft,
  inputOf,
  moveEnvironment,
  removeBinding,
  removeEnvironment,
  setMemberRole,
  toggleMember,
  unplayedRoles,
  type Edit,
  type ProjectDraft,
} from '../../../../src-renderer/features/projects/projectDraft';

function accepted(edit: Edit): ProjectDraft {
  if ('refused' in edit) throw new Error(edit.refused);
  return edit.draft;
}

const names = (draft: ProjectDraft) => draft.environments.map((e) => e.name);

describe('the project form’s environments and bindings', () => {
  it('adds environments at the end, refuses a name it has in any case or cannot take, moves and removes them', () => {
    let draft = accepted(addEnvironment(emptyDraft(), 'dev'));
    draft = accepted(addEnvironment(draft, ' prod '));
    draft = accepted(addEnvironment(draft, 'staging'));
    expect(names(draft)).toEqual(['dev', 'prod', 'staging']);
    expect(addEnvironment(draft, 'PROD')).toEqual({ refused: 'The project has an environment named PROD already.' });
    expect(addEnvironment(draft, 'qa env')).toEqual({ refused: "An environment name is letters, digits, '.', '_' or '-', starting with a letter or digit" });

    const staging = draft.environments[2]!.key;
    draft = moveEnvironment(draft, staging, -1);
    expect(names(draft)).toEqual(['dev', 'staging', 'prod']);
    expect(moveEnvironment(draft, draft.environments[0]!.key, -1)).toBe(draft);
    expect(names(removeEnvironment(draft, staging))).toEqual(['dev', 'prod']);
  });

  it('ticks a connection in with the role main, takes a role as typed, and ticks it out', () => {
    let draft = accepted(addEnvironment(emptyDraft(), 'dev'));
    const dev = draft.environments[0]!.key;
    draft = toggleMember(toggleMember(draft, dev, 'p-auth'), dev, 'p-specs');
    draft = setMemberRole(draft, dev, 'p-auth', 'auth');
    expect(inputOf(draft).environments).toEqual([
      {
        name: 'dev',
        members: [
          { profileId: 'p-auth', role: 'auth' },
          { profileId: 'p-specs', role: 'main' },
        ],
      },
    ]);
    expect(inputOf(toggleMember(draft, dev, 'p-auth')).environments?.[0]?.members).toEqual([{ profileId: 'p-specs', role: 'main' }]);
  });

  it('binds a label to a role once, says which bound roles no connection plays, and unbinds', () => {
    let draft = accepted(addEnvironment(emptyDraft(), 'dev'));
    draft = setMemberRole(toggleMember(draft, draft.environments[0]!.key, 'p-auth'), draft.environments[0]!.key, 'p-auth', 'auth');
    draft = accepted(addBinding(draft, 'auth', 'auth'));
    draft = accepted(addBinding(draft, ' specs ', 'specs'));
    expect(draft.bindings).toEqual([
      { label: 'auth', role: 'auth' },
      { label: 'specs', role: 'specs' },
    ]);
    expect(unplayedRoles(draft)).toEqual(['specs']);
    expect(addBinding(draft, 'auth', 'specs')).toEqual({ refused: 'The label auth is bound already: remove it first to bind it elsewhere.' });
    expect(addBinding(draft, '', 'specs')).toEqual({ refused: 'A branch label (or version location) is required.' });
    expect(removeBinding(draft, 'specs').bindings).toEqual([{ label: 'auth', role: 'auth' }]);
  });
});
