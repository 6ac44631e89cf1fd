import { describe, expect, it } from 'vitest';
import { failedStepOf, failureSentence, keptSnapshotOf } from '../../../../src-renderer/features/runner/runOutcome';
import type { MigrationStatus } from '../../../../src-shared/model/status';

/** A status that records `applied` (in order) with the last one as its head. */
function statusAt(applied: string[]): MigrationStatus {
  return {
    format: 'native',
    project: '/projects/shop',
    applied,
    heads: applied.slice(-1),
    pending: [],
    pendingByBranch: [],
    unknown: [],
    changed: [],
    projectHeads: ['m003'],
    records: [],
    initialised: true,
    blockedBy: null,
  };
}

describe('the sentence after a failed run', () => {
  it('says an upgrade step that failed is not applied, and where the database stands', () => {
    expect(failureSentence({ revision: 'm002', direction: 'up' }, statusAt(['m001']))).toBe(
      'Applying m002 failed: m002 is not applied. The database is now at m001 (1 revision applied).',
    );
  });

  it('says a revert that went through is no longer applied, even when the runner failed after it', () => {
    expect(failureSentence({ revision: 'm003', direction: 'down' }, statusAt(['m001', 'm002']))).toBe(
      'Reverting m003 failed: m003 is no longer applied. The database is now at m002 (2 revisions applied).',
    );
  });

  it('says where the database stands when the failure names no step', () => {
    expect(failureSentence(undefined, statusAt([]))).toBe('The run failed. The database is now at base: no revision is applied.');
  });

  it('reads the failing step and the kept snapshot from the error detail, and nothing from a detail without them', () => {
    const detail = { revision: 'm002', direction: 'down', file: '002_m002.sql', snapshot: { id: 'snap-1', name: 'Before downgrade to base' } };
    expect(failedStepOf(detail)).toEqual({ revision: 'm002', direction: 'down' });
    expect(keptSnapshotOf(detail)?.id).toBe('snap-1');
    expect(failedStepOf({ changed: ['m001'] })).toBeUndefined();
    expect(keptSnapshotOf(undefined)).toBeUndefined();
  });
});
