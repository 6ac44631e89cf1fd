// What a stopped reset says about the database, from the steps that finished.
import { describe, expect, it } from 'vitest';
import { databaseState } from '../../../src-main/reset/resetState';
import type { ResetRequest } from '../../../src-shared/model/reset';

const recreate: ResetRequest = { mode: 'recreate', to: 'heads', takeSnapshot: true };

describe('the database state after a reset stopped', () => {
  it('is unchanged before the drop', () => {
    expect(databaseState(['snapshot', 'terminate'], 'drop', recreate)).toBe('unchanged: nothing was dropped');
  });

  it('is gone between the drop and the create', () => {
    expect(databaseState(['snapshot', 'terminate', 'drop'], 'create', recreate)).toBe('dropped: the database does not exist now');
  });

  it('names a migrate or seed that did not complete', () => {
    expect(databaseState(['drop', 'create'], 'migrate', recreate)).toContain('the migrations stopped at the failing revision');
    expect(databaseState(['drop', 'create', 'migrate'], 'seed', recreate)).toBe('created again, empty, then migrated to heads; the seed did not complete');
  });

  it('says wiped for mode wipe and restored for mode snapshot', () => {
    expect(databaseState(['drop'], undefined, { ...recreate, mode: 'wipe', to: undefined })).toContain('wiped');
    expect(databaseState(['drop', 'restore'], undefined, { ...recreate, mode: 'snapshot', to: undefined })).toBe('restored from the snapshot');
  });
});
