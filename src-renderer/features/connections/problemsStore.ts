// When a connection's problems were last read, and the one refresh every tab uses: the migration status,
// the inventory and the project graph are read together, so every tab counts the same moment.
import { create } from 'zustand';
import { useGraph } from '../graph/graphStore';
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
    await Promise.all([useStatus.getState().load(profileId), useInventory.getState().load(profileId), useGraph.getState().open(profileId)]);
    if (get().profileId === profileId) set({ readAt: new Date().toISOString(), refreshing: false });
  },
}));
