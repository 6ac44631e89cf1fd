// Deleting a group: what goes (the group) and what stays (its connections, their databases, the
// rollouts already run), the reset recipes that run on it and could not any more, and the group's
// name typed — which the service checks too. A refusal stays in the dialog, nothing changed.
import { useEffect, useRef, useState } from 'react';
import type { Group } from '../../../src-shared/model/project';
import type { ResetRecipe } from '../../../src-shared/model/resetRecipe';
import { asError, call, type ShownError } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { focusSoon, groupsHeadingId } from './groupFocus';
import { useGroups } from './groupsStore';

export function DeleteGroupDialog({ group, onCancel }: { group: Group; onCancel(): void }) {
  const { busy, failure, remove } = useGroups();
  const [typed, setTyped] = useState('');
  const [recipes, setRecipes] = useState<ResetRecipe[] | undefined>();
  const [recipesFailure, setRecipesFailure] = useState<ShownError | undefined>();
  const [attempted, setAttempted] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Typing the name is the next thing to do; after a frame, once the dialog has given the focus to Cancel.
    const frame = requestAnimationFrame(() => field.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  useEffect(() => {
    call('recipes.list', {})
      .then((all) => setRecipes(all.filter((r) => 'group' in r.scope && r.scope.group.toLowerCase() === group.name.toLowerCase() && !r.scopeGone)))
      .catch((error: unknown) => setRecipesFailure(asError(error)));
  }, [group.name]);
  const members = group.profileIds.length;
  const onConfirm = async () => {
    // The group, its heading and this dialog go: the keyboard goes on from the sidebar's Groups, where the deletion is said.
    if (busy) return;
    setAttempted(true);
    if (await remove(typed)) focusSoon(groupsHeadingId);
  };
  return (
    <ConfirmDialog
      title={`Delete the group ${group.name}?`}
      confirmLabel={busy === 'removing' ? 'Deleting…' : 'Delete group'}
      danger
      confirmDisabled={typed !== group.name || (recipes === undefined && !recipesFailure)}
      onCancel={onCancel}
      onConfirm={() => void onConfirm()}
    >
      <p>
        The group is forgotten. Its {members} connection{members === 1 ? '' : 's'} and their databases stay as they are, and rollouts already run keep their
        records.
      </p>
      {recipes === undefined && !recipesFailure && <p className="muted">Looking for reset recipes that run on this group…</p>}
      {recipesFailure && <ErrorMessage lead="Could not look for its reset recipes" error={recipesFailure} />}
      {recipes && recipes.length > 0 && (
        <>
          <p>{recipes.length === 1 ? 'This reset recipe runs' : `These ${recipes.length} reset recipes run`} on the group and could not run any more:</p>
          <ul aria-label="Reset recipes on this group">
            {recipes.map((r) => (
              <li key={r.id}>{r.name}</li>
            ))}
          </ul>
        </>
      )}
      <label className="prod-confirm">
        <span>Type the group&apos;s name ({group.name}) to delete it:</span>
        <input
          ref={field}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          aria-label="Type the group's name to confirm"
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      {attempted && failure && <ErrorMessage lead="Group not deleted" error={failure} />}
    </ConfirmDialog>
  );
}
