// Adopt on the Graph tab: whether the open connection's database already holds what the selected
// revision makes. Read-only; the stamp that adopts it is the run dialog's.
import { create } from 'zustand';
import type { RevisionAdoption } from '../../../src-shared/model/revisionAdoption';
import { asError, call, type ShownError } from '../../api/client';

interface AdoptionState {
  /** The dialog is open on this connection and revision. */
  asked: { profileId: string; revision: string } | undefined;
  checking: boolean;
  adoption: RevisionAdoption | undefined;
  error: ShownError | undefined;
  check(profileId: string, revision: string): Promise<void>;
  close(): void;
}

export const useAdoption = create<AdoptionState>((set, get) => ({
  asked: undefined,
  checking: false,
  adoption: undefined,
  error: undefined,

  async check(profileId, revision) {
    const asked = { profileId, revision };
    set({ asked, checking: true, adoption: undefined, error: undefined });
    try {
      const adoption = await call('adoptions.check', { profileId, revision });
      if (get().asked === asked) set({ adoption, checking: false });
    } catch (error) {
      if (get().asked === asked) set({ error: asError(error), checking: false });
    }
  },

  close: () => set({ asked: undefined, checking: false, adoption: undefined, error: undefined }),
}));
