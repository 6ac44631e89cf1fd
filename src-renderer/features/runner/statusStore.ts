// The selected connection's migration status, refreshed on demand and after every run.
import { create } from 'zustand';
import type { MigrationStatus } from '../../../src-shared/model/status';
import { ApiError, call } from '../../api/client';

interface StatusState {
  profileId: string | undefined;
  status: MigrationStatus | undefined;
  error: { code: string; message: string } | undefined;
  loading: boolean;
  load(profileId: string): Promise<void>;
}

export const useStatus = create<StatusState>((set, get) => ({
  profileId: undefined,
  status: undefined,
  error: undefined,
  loading: false,
  async load(profileId) {
    if (get().profileId !== profileId) set({ status: undefined });
    set({ profileId, loading: true, error: undefined });
    try {
      const status = await call('runner.status', { profileId });
      if (get().profileId === profileId) set({ status, loading: false });
    } catch (error) {
      if (get().profileId === profileId) {
        set({ loading: false, status: undefined, error: { code: error instanceof ApiError ? error.code : 'E_INTERNAL', message: (error as Error).message } });
      }
    }
  },
}));
