// What a stopped reset says about the database, from the steps that finished and whether it exists now.
import { describe, expect, it } from 'vitest';
import { databaseState } from '../../../src-main/reset/resetState';
import type { ResetRequest } from '../../../src-shared/model/reset';

const recreate: ResetRequest = { mode: 'recreate', to: 'heads', takeSnapshot: true };

describe('the database state after a reset stopped', () => {
  it('is unchanged before the drop', () => {
    expect(databaseState(['snapshot', 'terminate'], 'drop', recreate, true)).toBe('unchanged: nothing was dropped');
  });

  it('is gone between the drop and the create', () => {
    expect(databaseState(['snapshot', 'terminate', 'drop'], 'create', recreate, false)).toBe('dropped: the database does not exist now');
  });

  it('never says unchanged when the database is missing, even when no step of this reset dropped it', () => {
    expect(databaseState([], 'create', recreate, false)).toBe('dropped: the database does not exist now');
  });

  it('goes by the finished steps, and says so, when the server cannot be asked', () => {
    expect(databaseState(['snapshot', 'terminate', 'drop'], 'create', recreate, undefined)).toBe(
      'dropped: the database does not exist now (from the steps that finished: the server could not be asked)',
    );
    expect(databaseState(['drop', 'create'], 'migrate', recreate, undefined)).toContain(
      'the migrations stopped at the failing revision (those before it are applied) (from the steps that finished',
    );
  });

  it('names a migrate or seed that did not complete', () => {
    expect(databaseState(['drop', 'create'], 'migrate', recreate, true)).toContain('the migrations stopped at the failing revision');
    expect(databaseState(['drop', 'create', 'migrate'], 'seed', recreate, true)).toBe(
      'created again, empty, then migrated to heads; the seed did not complete',
    );
  });

  it('says wiped for mode wipe, restored for mode snapshot, and unchanged after a failed restore', () => {
    expect(databaseState(['drop'], undefined, { ...recreate, mode: 'wipe', to: undefined }, true)).toContain('wiped');
    expect(databaseState(['snapshot', 'terminate', 'restore'], undefined, { ...recreate, mode: 'snapshot', to: undefined }, true)).toBe(
      'restored from the snapshot',
    );
    expect(databaseState(['snapshot', 'terminate'], 'restore', { ...recreate, mode: 'snapshot', to: undefined }, true)).toBe('unchanged: nothing was dropped');
  });
});
