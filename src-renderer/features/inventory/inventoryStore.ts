// The Inventory screen's state: the loaded inventory, exact sizes and counts as they arrive, the
// filter and the sort. Components read it; only this file talks to the API.
import { create } from 'zustand';
import type { Inventory, RowCount, TableSize } from '../../../src-shared/model/inventory';
import { asError, call, type ShownError } from '../../api/client';
import { followOperation } from '../../api/operationEvents';
import { keyOf, noFilter, type InventoryFilter, type Sort } from './inventoryView';

export interface Counting {
  opId: string | undefined;
  done: number;
  total: number;
  failed: number;
}

interface InventoryState {
  profileId: string | undefined;
  inventory: Inventory | undefined;
  loading: boolean;
  error: ShownError | undefined;
  /** Exact sizes by table key, once read; until then the grid shows the estimates. */
  sizes: Map<string, number> | undefined;
  readingSizes: boolean;
  counts: Map<string, RowCount>;
  counting: Counting | undefined;
  filter: InventoryFilter;
  sort: Sort;
  load(profileId: string): Promise<void>;
  countRows(tables: Array<{ schema: string; name: string }>): Promise<void>;
  cancelCount(): Promise<void>;
  setFilter(patch: Partial<InventoryFilter>): void;
  sortBy(column: Sort['column']): void;
}

export const useInventory = create<InventoryState>((set, get) => ({
  profileId: undefined,
  inventory: undefined,
  loading: false,
  error: undefined,
  sizes: undefined,
  readingSizes: false,
  counts: new Map(),
  counting: undefined,
  filter: noFilter,
  sort: { column: 'status', descending: false },

  async load(profileId) {
    const switched = profileId !== get().profileId;
    set({
      profileId,
      loading: true,
      error: undefined,
      ...(switched ? { inventory: undefined, filter: noFilter, sizes: undefined, counts: new Map(), counting: undefined } : {}),
    });
    try {
      const inventory = await call('inventory.load', { profileId });
      if (get().profileId !== profileId) return;
      set({ inventory, loading: false, sizes: undefined, counts: new Map() });
      // The first screen is up; exact sizes open every file, so they come afterwards.
      if (!inventory.sizesExact) void readSizes(profileId);
    } catch (error) {
      if (get().profileId === profileId) set({ loading: false, error: asError(error) });
    }
  },

  async countRows(tables) {
    const { profileId, counting } = get();
    if (!profileId || counting?.opId || tables.length === 0) return;
    set({ counting: { opId: undefined, done: 0, total: tables.length, failed: 0 } });
    try {
      // Only the names cross: the contract refuses any other field of a table.
      const names = tables.map(({ schema, name }) => ({ schema, name }));
      const opId = await followOperation('inventory.countRows', { profileId, tables: names }, (event) => {
        if (event.event === 'op.progress' && event.payload.detail) accept(event.payload.detail);
        else if (event.event === 'op.done') finish(event.payload.ok ? undefined : event.payload.error);
      });
      set((s) => ({ counting: s.counting && { ...s.counting, opId } }));
    } catch (error) {
      set({ counting: undefined, error: asError(error) });
    }
  },

  async cancelCount() {
    const opId = get().counting?.opId;
    if (opId) await call('ops.cancel', { opId });
  },

  setFilter(patch) {
    set((s) => ({ filter: { ...s.filter, ...patch } }));
  },

  sortBy(column) {
    set((s) => ({ sort: { column, descending: s.sort.column === column ? !s.sort.descending : column === 'rows' || column === 'bytes' } }));
  },
}));

async function readSizes(profileId: string): Promise<void> {
  useInventory.setState({ readingSizes: true });
  try {
    const sizes: TableSize[] = await call('inventory.sizes', { profileId });
    if (useInventory.getState().profileId === profileId) useInventory.setState({ sizes: new Map(sizes.map((s) => [keyOf(s), s.bytes])) });
  } catch {
    // The estimates stay on screen: exact sizes are a refinement, not something to fail over.
  } finally {
    useInventory.setState({ readingSizes: false });
  }
}

// Counts arrive one table per event; they are applied in batches so 10,000 counts cost a few
// renders, not 10,000.
let buffered: RowCount[] = [];
let flushTimer: ReturnType<typeof setTimeout> | undefined;

function flush(): void {
  flushTimer = undefined;
  if (buffered.length === 0) return;
  const batch = buffered;
  buffered = [];
  useInventory.setState((s) => {
    const counts = new Map(s.counts);
    for (const count of batch) counts.set(keyOf(count), count);
    return { counts };
  });
}

function accept(count: RowCount): void {
  buffered.push(count);
  useInventory.setState((s) => ({
    counting: s.counting && { ...s.counting, done: s.counting.done + 1, failed: s.counting.failed + (count.rows === null ? 1 : 0) },
  }));
  flushTimer ??= setTimeout(flush, 150);
}

/** A cancelled count is what the user asked for, not an error to show. */
function finish(error: { code: string; message: string } | undefined): void {
  clearTimeout(flushTimer);
  flush();
  useInventory.setState({ counting: undefined, ...(error && error.code !== 'E_CANCELLED' ? { error } : {}) });
}
