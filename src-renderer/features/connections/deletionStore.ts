// Before a connection is deleted: the snapshots of its database that no other connection reaches,
// which the user must keep or delete with it.
import { create } from 'zustand';
import type { Snapshot } from '../../../src-shared/model/reset';
import { asError, call, type ShownError } from '../../api/client';

interface DeletionState {
  profileId: string | undefined;
  /** Undefined while looking (or after a failure). */
  exclusive: Snapshot[] | undefined;
  failure: ShownError | undefined;
  check(profileId: string): Promise<void>;
}

export const useDeletion = create<DeletionState>((set, get) => ({
  profileId: undefined,
  exclusive: undefined,
  failure: undefined,
  async check(profileId) {
    set({ profileId, exclusive: undefined, failure: undefined });
    try {
      const exclusive = await call('snapshots.exclusive', { profileId });
      if (get().profileId === profileId) set({ exclusive });
    } catch (error) {
      if (get().profileId === profileId) set({ failure: asError(error) });
    }
  },
}));
