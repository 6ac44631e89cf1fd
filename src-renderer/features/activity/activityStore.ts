// The Activity screen's state: the audit log, whether its hash chain is intact, and the "only this
// connection" filter. Only this file talks to the API for it.
import { create } from 'zustand';
import type { AuditEntry, AuditVerification } from '../../../src-shared/model/audit';
import type { Profile } from '../../../src-shared/model/profile';
import { call } from '../../api/client';

interface ActivityState {
  entries: AuditEntry[];
  verification: AuditVerification | undefined;
  error: string | undefined;
  onlyThisConnection: boolean;
  load(): Promise<void>;
  setOnlyThisConnection(only: boolean): void;
}

export const useActivity = create<ActivityState>((set) => ({
  entries: [],
  verification: undefined,
  error: undefined,
  onlyThisConnection: true,

  async load() {
    try {
      const [entries, verification] = await Promise.all([call('audit.list', { limit: 500 }), call('audit.verify', {})]);
      set({ entries, verification, error: undefined });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },

  setOnlyThisConnection: (onlyThisConnection) => set({ onlyThisConnection }),
}));

/** The entries to list: all of them, or those about `profile` (by its id, or its name for older rows). */
export function shownEntries(entries: readonly AuditEntry[], profile: Profile | undefined, onlyThisConnection: boolean): readonly AuditEntry[] {
  if (!onlyThisConnection || !profile) return entries;
  return entries.filter((entry) => entry.target === profile.name || entry.detail.id === profile.id);
}
