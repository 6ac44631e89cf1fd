import { describe, expect, it } from 'vitest';
import type { MigrationStatus } from '../../../../src-shared/model/status';
import { bindingOwnership } from '../../../../src-shared/projects/bindingOwnership';
import { databaseStanding } from '../../../../src-shared/projects/boundStatus';
import { graphOf, rev } from '../../../support/revisions';

const graph = graphOf(rev('a1', [], { branchLabels: ['auth'] }), rev('a2', ['a1']), rev('s1', [], { branchLabels: ['specs'] }), rev('s2', ['s1']));
const ownership = bindingOwnership(graph, [
  { label: 'auth', role: 'auth' },
  { label: 'specs', role: 'specs' },
]);

function status(applied: string[], heads: string[], pending: string[]): MigrationStatus {
  return {
    format: 'native',
    project: '/p',
    applied,
    heads,
    pending,
    pendingByBranch: [
      { head: 'a2', revisions: pending.filter((id) => id.startsWith('a')) },
      { head: 's2', revisions: pending.filter((id) => id.startsWith('s')) },
    ],
    unknown: [],
    changed: [],
    projectHeads: ['a2', 's2'],
    records: [],
    initialised: true,
    blockedBy: null,
  };
}

describe('databaseStanding', () => {
  it('counts only the database’s own branch as applied or pending', () => {
    const standing = databaseStanding(ownership, 'auth', status(['a1'], ['a1'], ['a2', 's1', 's2']));
    expect(standing).toMatchObject({ applied: ['a1'], heads: ['a1'], pending: ['a2'], pendingByBranch: [{ head: 'a2', revisions: ['a2'] }], foreign: [] });
  });

  it('says another database’s revisions recorded on this one', () => {
    const standing = databaseStanding(ownership, 'specs', status(['a1', 's1'], ['a1', 's1'], ['a2', 's2']));
    expect(standing.foreign).toEqual(['a1']);
    expect(standing.applied).toEqual(['s1']);
  });
});
