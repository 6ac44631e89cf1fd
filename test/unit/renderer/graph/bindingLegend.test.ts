import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../src-shared/model/profile';
import type { Project } from '../../../../src-shared/model/project';
import { bindingLegendOf } from '../../../../src-renderer/features/graph/bindingLegend';
import { rev } from '../../../support/revisions';

const profile = (id: string, name: string) => ({ id, name }) as Profile;
const profiles = [profile('p-auth', 'auth dev'), profile('p-specs', 'specs dev'), profile('p-other', 'shop dev')];
const project = (bindings: Project['bindings']): Project => ({
  id: 'x',
  name: 'socrates',
  dir: '/p',
  format: 'alembic',
  alembicCommand: '',
  requireApproval: false,
  environments: [
    {
      name: 'dev',
      members: [
        { profileId: 'p-auth', role: 'auth' },
        { profileId: 'p-specs', role: 'specs' },
      ],
    },
  ],
  bindings,
  createdAt: '',
  updatedAt: '',
});
const revisions = [rev('a1', [], { branchLabels: ['auth'] }), rev('a2', ['a1']), rev('s1', [], { branchLabels: ['specs'] }), rev('x1', [])];

describe('bindingLegendOf', () => {
  it('names each database of the open connection’s environment with the connection playing it, and tags each revision with its database', () => {
    const legend = bindingLegendOf(
      [
        project([
          { label: 'auth', role: 'auth' },
          { label: 'specs', role: 'specs' },
        ]),
      ],
      profiles,
      'p-specs',
      revisions,
    );
    expect(legend?.databases).toEqual([
      { role: 'auth', labels: ['auth'], connection: 'auth dev', swatch: 0, revisions: 2 },
      { role: 'specs', labels: ['specs'], connection: 'specs dev', swatch: 1, revisions: 1 },
    ]);
    expect(legend?.databaseOf.get('a2')?.role).toBe('auth');
    expect([...(legend?.unplaced ?? [])]).toEqual(['x1']);
    expect(legend?.anomalies[0]?.message).toContain('Revision x1 is on no bound branch');
  });

  it('shows nothing for a connection in no project with bindings', () => {
    expect(bindingLegendOf([project([])], profiles, 'p-auth', revisions)).toBeUndefined();
    expect(bindingLegendOf([project([{ label: 'auth', role: 'auth' }])], profiles, 'p-other', revisions)).toBeUndefined();
  });

  it('says a role no connection plays in the environment', () => {
    const legend = bindingLegendOf([project([{ label: 'auth', role: 'billing' }])], profiles, 'p-auth', revisions);
    expect(legend?.databases[0]).toMatchObject({ role: 'billing', connection: null });
  });
});
