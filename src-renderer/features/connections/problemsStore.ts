// When a connection's problems were last read, and the one refresh every tab uses: the migration status
// and the inventory are read together, so the Migrations and Inventory tabs count the same moment.
import { create } from 'zustand';
import { useInventory } from '../inventory/inventoryStore';
import { useStatus } from '../runner/statusStore';

interface ProblemsState {
  profileId: string | undefined;
  /** When the last refresh finished (ISO); undefined until one has. */
  readAt: string | undefined;
  refreshing: boolean;
  refresh(profileId: string): Promise<void>;
}

export const useProblems = create<ProblemsState>((set, get) => ({
  profileId: undefined,
  readAt: undefined,
  refreshing: false,
  async refresh(profileId) {
    if (get().profileId !== profileId) set({ readAt: undefined });
    set({ profileId, refreshing: true });
    // Each load keeps its own error for its tab; the moment is when both answers are in.
    await Promise.all([useStatus.getState().load(profileId), useInventory.getState().load(profileId)]);
    if (get().profileId === profileId) set({ readAt: new Date().toISOString(), refreshing: false });
  },
}));
