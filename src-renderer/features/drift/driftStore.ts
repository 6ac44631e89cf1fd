// The selected connection's drift against its migrations, read with the other problems (a replay the
// main process caches, so a second look is quick).
import { create } from 'zustand';
import type { DriftReport, ExclusionRules } from '../../../src-shared/model/drift';
import { ApiError, call } from '../../api/client';

interface DriftState {
  profileId: string | undefined;
  report: DriftReport | undefined;
  error: { code: string; message: string } | undefined;
  loading: boolean;
  load(profileId: string): Promise<void>;
  /** Saves the connection's exclusion rules and reads the drift again under them. */
  saveRules(profileId: string, rules: ExclusionRules): Promise<void>;
}

export const useDrift = create<DriftState>((set, get) => ({
  profileId: undefined,
  report: undefined,
  error: undefined,
  loading: false,
  async load(profileId) {
    if (get().profileId !== profileId) set({ report: undefined });
    set({ profileId, loading: true, error: undefined });
    try {
      const report = await call('schema.drift', { profileId });
      if (get().profileId === profileId) set({ report, loading: false });
    } catch (error) {
      if (get().profileId === profileId)
        set({ loading: false, report: undefined, error: { code: error instanceof ApiError ? error.code : 'E_INTERNAL', message: (error as Error).message } });
    }
  },
  async saveRules(profileId, rules) {
    await call('schema.setExclusions', { profileId, rules });
    await get().load(profileId);
  },
}));
