// The Activity screen's state: the audit log, whether its hash chain is intact, and the "only this
// connection" filter. Only this file talks to the API for it.
import { create } from 'zustand';
import type { AuditEntry, AuditVerification } from '../../../src-shared/model/audit';
import { asError, call, type ShownError } from '../../api/client';

interface ActivityState {
  entries: AuditEntry[];
  verification: AuditVerification | undefined;
  error: ShownError | undefined;
  onlyThisConnection: boolean;
  /** Loads every entry, or, given a profile's id, those about that profile under any name it had. */
  load(profileId?: string): Promise<void>;
  setOnlyThisConnection(only: boolean): void;
}

export const useActivity = create<ActivityState>((set) => ({
  entries: [],
  verification: undefined,
  error: undefined,
  onlyThisConnection: true,

  async load(profileId) {
    try {
      const [entries, verification] = await Promise.all([
        call('audit.list', { limit: 500, ...(profileId === undefined ? {} : { profileId }) }),
        call('audit.verify', {}),
      ]);
      set({ entries, verification, error: undefined });
    } catch (error) {
      set({ error: asError(error) });
    }
  },

  setOnlyThisConnection: (onlyThisConnection) => set({ onlyThisConnection }),
}));
