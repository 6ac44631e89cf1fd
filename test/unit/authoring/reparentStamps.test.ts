import { describe, expect, it } from 'vitest';
import { stampNeed } from '../../../src-main/authoring/reparentStamps';
import { buildGraph } from '../../../src-shared/graph/revisionGraph';
import type { Profile } from '../../../src-shared/model/profile';
import type { Revision } from '../../../src-shared/model/revision';
import type { MigrationStatus } from '../../../src-shared/model/status';

function revision(id: string, parents: string[]): Revision {
  return { id, parents, dependsOn: [], branchLabels: [], message: id, createdAt: null, file: `${id}.py`, line: 1 };
}

const profile = { id: 'p1', name: 'staging' } as Profile;

function status(applied: string[], recorded: string[]): MigrationStatus {
  return {
    applied,
    records: recorded.map((revision) => ({ revision, checksum: null, appliedAt: null, appliedBy: null, durationMs: null })),
  } as MigrationStatus;
}

// The seeds' slip: tenant was a root; after the re-parent it builds on business.
const after = buildGraph([revision('business', []), revision('tenant', ['business'])]);

describe('the stamp a re-parent needs on a database', () => {
  it('offers a stamp to the new head where Alembic recorded both old heads', () => {
    expect(stampNeed(profile, status(['business', 'tenant'], ['business', 'tenant']), 'alembic', after)).toEqual({
      profileId: 'p1',
      profile: 'staging',
      recorded: ['business', 'tenant'],
      stampTo: ['tenant'],
      reason: 'Its bookkeeping records business, tenant; under the new shape what ran here is recorded as tenant.',
    });
  });

  it('needs nothing where the bookkeeping already reads right: a row per revision, or only the parent ran', () => {
    expect(stampNeed(profile, status(['business', 'tenant'], ['business', 'tenant']), 'native', after)).toBeNull();
    expect(stampNeed(profile, status(['business'], ['business']), 'alembic', after)).toBeNull();
  });

  it('offers no stamp where the new parent never ran, and says so', () => {
    const need = stampNeed(profile, status(['tenant'], ['tenant']), 'alembic', after);
    expect(need?.stampTo).toEqual([]);
    expect(need?.reason).toContain('needs business first, which never ran here');
  });
});
