// When a connection's problems were last read, and the one refresh every tab uses: the migration status,
// the inventory and the project graph are read in one go, so every tab counts the same moment.
import { create } from 'zustand';
import { useDrift } from '../drift/driftStore';
import { useGraph } from '../graph/graphStore';
import { useInventory } from '../inventory/inventoryStore';
import { useStatus } from '../runner/statusStore';

/** What a refresh reads; a tab names its own to have it first. */
export type ProblemSource = 'status' | 'inventory' | 'graph' | 'drift';

const reads: Record<ProblemSource, (profileId: string) => Promise<void>> = {
  status: (profileId) => useStatus.getState().load(profileId),
  inventory: (profileId) => useInventory.getState().load(profileId),
  graph: (profileId) => useGraph.getState().open(profileId),
  drift: (profileId) => useDrift.getState().load(profileId),
};

interface ProblemsState {
  profileId: string | undefined;
  /** When the last refresh finished (ISO); undefined until one has. */
  readAt: string | undefined;
  refreshing: boolean;
  refresh(profileId: string, first?: ProblemSource): Promise<void>;
}

export const useProblems = create<ProblemsState>((set, get) => ({
  profileId: undefined,
  readAt: undefined,
  refreshing: false,
  async refresh(profileId, first) {
    if (get().profileId !== profileId) set({ readAt: undefined });
    set({ profileId, refreshing: true });
    // The tab's own read goes alone first: the three share the one main process, and beside the others a
    // 10,000-revision graph took 2.3 times as long (npm run bench -- problems). Each load keeps its own
    // error for its tab; the moment is when all three answers are in.
    if (first) await reads[first](profileId);
    await Promise.all((Object.keys(reads) as ProblemSource[]).filter((source) => source !== first).map((source) => reads[source](profileId)));
    if (get().profileId === profileId) set({ readAt: new Date().toISOString(), refreshing: false });
  },
}));
