// Environment comparison on the graph: other connections bound to the same project, one status
// column each, and what would bring one level with another. A comparison belongs to the connection
// it was made on: switching connection shows that one's own comparison, never the last one's columns.
import { create } from 'zustand';
import type { MigrationStatus } from '../../../src-shared/model/status';
import { call } from '../../api/client';

export type ColumnStatus = { status: MigrationStatus } | { error: string } | { loading: true };

export interface Comparison {
  /** Profiles shown beside the connection, in the order picked. */
  columns: string[];
  /** "Bring `from` level with `to`": profile ids. */
  from: string | undefined;
  to: string | undefined;
}

export const noComparison: Comparison = { columns: [], from: undefined, to: undefined };

interface CompareState {
  open: boolean;
  /** Each connection's comparison, by the id of the connection it was made on. */
  comparisons: Record<string, Comparison>;
  /** Every compared profile's status, whichever comparison shows it: one database has one status. */
  statuses: Record<string, ColumnStatus>;
  toggle(): void;
  show(connectionId: string, profileId: string, shown: boolean): Promise<void>;
  /** Reads again the status of every column the connection's comparison shows. */
  refresh(connectionId: string): Promise<void>;
  level(connectionId: string, from: string | undefined, to: string | undefined): void;
}

async function statusOf(profileId: string): Promise<ColumnStatus> {
  try {
    return { status: await call('runner.status', { profileId }) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export const useCompare = create<CompareState>((set, get) => {
  const change = (connectionId: string, next: (comparison: Comparison) => Comparison) =>
    set((state) => ({ comparisons: { ...state.comparisons, [connectionId]: next(state.comparisons[connectionId] ?? noComparison) } }));

  return {
    open: false,
    comparisons: {},
    statuses: {},

    toggle: () => set((state) => ({ open: !state.open })),

    async show(connectionId, profileId, shown) {
      if (!shown) {
        // A picker left naming a column no longer shown would keep a gap nobody can see.
        const gone = (id: string | undefined) => (id === profileId ? undefined : id);
        change(connectionId, (c) => ({ columns: c.columns.filter((id) => id !== profileId), from: gone(c.from), to: gone(c.to) }));
        return;
      }
      change(connectionId, (c) => ({ ...c, columns: [...c.columns.filter((id) => id !== profileId), profileId] }));
      set((state) => ({ statuses: { ...state.statuses, [profileId]: { loading: true } } }));
      const status = await statusOf(profileId);
      set((state) => ({ statuses: { ...state.statuses, [profileId]: status } }));
    },

    async refresh(connectionId) {
      const columns = get().comparisons[connectionId]?.columns ?? [];
      const loaded = await Promise.all(columns.map(async (id) => [id, await statusOf(id)] as const));
      set((state) => ({ statuses: { ...state.statuses, ...Object.fromEntries(loaded) } }));
    },

    level: (connectionId, from, to) => change(connectionId, (c) => ({ ...c, from, to })),
  };
});
