// The graph screen's state: the loaded graph and status, what is selected, search, branch filter,
// collapsed runs, and the detail panel's revision.
import { create } from 'zustand';
import type { BranchFilter } from '../../../src-shared/graph/graphFilter';
import type { GraphLoad, RevisionDetail } from '../../../src-shared/model/graphView';
import { asError, call, type ShownError } from '../../api/client';

interface GraphState {
  profileId: string | undefined;
  loading: boolean;
  error: ShownError | undefined;
  graph: GraphLoad | undefined;
  query: string;
  filter: BranchFilter | undefined;
  collapse: boolean;
  /** First rows of collapsed runs the user opened. */
  expanded: ReadonlySet<number>;
  selected: string | undefined;
  panelOpen: boolean;
  detail: RevisionDetail | undefined;
  detailError: ShownError | undefined;
  open(profileId: string): Promise<void>;
  reload(): Promise<void>;
  search(query: string): void;
  setFilter(filter: BranchFilter | undefined): void;
  setCollapse(collapse: boolean): void;
  expand(firstRow: number): void;
  select(id: string | undefined): void;
  openPanel(id?: string): Promise<void>;
  closePanel(): void;
}

export const useGraph = create<GraphState>((set, get) => ({
  profileId: undefined,
  loading: false,
  error: undefined,
  graph: undefined,
  query: '',
  filter: undefined,
  collapse: true,
  expanded: new Set(),
  selected: undefined,
  panelOpen: false,
  detail: undefined,
  detailError: undefined,

  async open(profileId) {
    if (get().profileId !== profileId) {
      set({ profileId, graph: undefined, selected: undefined, panelOpen: false, detail: undefined, filter: undefined, query: '', expanded: new Set() });
    }
    await get().reload();
  },

  async reload() {
    const { profileId } = get();
    if (!profileId) return;
    set({ loading: true, error: undefined });
    try {
      const graph = await call('graph.load', { profileId });
      // User Timing marks: the benchmark measures from here to the first rows painted.
      performance.mark('graph:data-received');
      if (get().profileId === profileId) set({ graph, loading: false });
    } catch (error) {
      if (get().profileId === profileId) set({ graph: undefined, loading: false, error: asError(error) });
    }
  },

  search: (query) => set({ query }),
  setFilter: (filter) => set({ filter, expanded: new Set() }),
  setCollapse: (collapse) => set({ collapse, expanded: new Set() }),
  expand: (firstRow) => set((state) => ({ expanded: new Set([...state.expanded, firstRow]) })),

  select(id) {
    set({ selected: id });
    if (id && get().panelOpen) void get().openPanel(id);
  },

  async openPanel(id = get().selected) {
    const { profileId } = get();
    if (!id || !profileId) return;
    set({ selected: id, panelOpen: true, detailError: undefined, ...(get().detail?.revision.id === id ? {} : { detail: undefined }) });
    try {
      const detail = await call('graph.revision', { profileId, revision: id });
      if (get().selected === id) set({ detail });
    } catch (error) {
      if (get().selected === id) set({ detailError: asError(error) });
    }
  },

  closePanel: () => set({ panelOpen: false }),
}));
