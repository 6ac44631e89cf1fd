// What the service says about the selected connection's database before anything else: missing
// but with snapshots, an interrupted reset, settled snapshots (the banner above every screen).
import { create } from 'zustand';
import type { DatabaseCondition } from '../../../src-shared/model/reset';
import { call } from '../../api/client';

interface ConditionState {
  profileId: string | undefined;
  condition: DatabaseCondition | undefined;
  load(profileId: string): Promise<void>;
}

export const useCondition = create<ConditionState>((set, get) => ({
  profileId: undefined,
  condition: undefined,
  async load(profileId) {
    set({ profileId, condition: undefined });
    try {
      const condition = await call('reset.condition', { profileId });
      if (get().profileId === profileId) set({ condition });
    } catch {
      // A connection that cannot be reached says so on every screen itself; the banner only adds what they cannot know.
    }
  },
}));
