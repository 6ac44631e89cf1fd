// Environment comparison on the graph: other connections bound to the same project, one status
// column each, and what would bring one level with another.
import { create } from 'zustand';
import type { MigrationStatus } from '../../../src-shared/model/status';
import { call } from '../../api/client';

export type ColumnStatus = { status: MigrationStatus } | { error: string } | { loading: true };

interface CompareState {
  open: boolean;
  /** Profiles shown beside the selected one, in the order picked. */
  columns: string[];
  statuses: Record<string, ColumnStatus>;
  /** "Bring `from` level with `to`": profile ids. */
  from: string | undefined;
  to: string | undefined;
  toggle(): void;
  show(profileId: string, shown: boolean): Promise<void>;
  refresh(): Promise<void>;
  level(from: string | undefined, to: string | undefined): void;
}

async function statusOf(profileId: string): Promise<ColumnStatus> {
  try {
    return { status: await call('runner.status', { profileId }) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export const useCompare = create<CompareState>((set, get) => ({
  open: false,
  columns: [],
  statuses: {},
  from: undefined,
  to: undefined,

  toggle: () => set((state) => ({ open: !state.open })),

  async show(profileId, shown) {
    if (!shown) {
      set((state) => ({ columns: state.columns.filter((id) => id !== profileId) }));
      return;
    }
    set((state) => ({
      columns: [...state.columns.filter((id) => id !== profileId), profileId],
      statuses: { ...state.statuses, [profileId]: { loading: true } },
    }));
    const status = await statusOf(profileId);
    set((state) => ({ statuses: { ...state.statuses, [profileId]: status } }));
  },

  async refresh() {
    const loaded = await Promise.all(get().columns.map(async (id) => [id, await statusOf(id)] as const));
    set((state) => ({ statuses: { ...state.statuses, ...Object.fromEntries(loaded) } }));
  },

  level: (from, to) => set({ from, to }),
}));
