// What the grid shows, pure: the filter, the sort and the footer's totals over the inventory's rows.
import type { InventoryTable, TableStatus } from '../../../src-shared/model/inventory';
import { rowsOf } from '../../../src-shared/model/inventoryExport';

export const sortColumns = ['schema', 'name', 'kind', 'rows', 'bytes', 'indexCount', 'owner', 'status', 'createdBy'] as const;
export type SortColumn = (typeof sortColumns)[number];

export interface Sort {
  column: SortColumn;
  descending: boolean;
}

export interface InventoryFilter {
  /** '' for every schema. */
  schema: string;
  /** '' for every status; 'none' for views and catalogs without a project. */
  status: TableStatus | '' | 'none';
  /** Case-insensitive substring of schema.name. */
  name: string;
}

export const noFilter: InventoryFilter = { schema: '', status: '', name: '' };

export function filterTables(tables: readonly InventoryTable[], filter: InventoryFilter): InventoryTable[] {
  const needle = filter.name.trim().toLowerCase();
  return tables.filter(
    (t) =>
      (filter.schema === '' || t.schema === filter.schema) &&
      (filter.status === '' || (filter.status === 'none' ? t.status === null : t.status === filter.status)) &&
      (needle === '' || `${t.schema}.${t.name}`.toLowerCase().includes(needle)),
  );
}

// Problems first when sorting by status, as a DBA reads the list.
const statusRank: Record<TableStatus, number> = { conflict: 0, missing: 1, unexpected: 2, ok: 3, bookkeeping: 4 };

function value(table: InventoryTable, column: SortColumn): string | number | null {
  switch (column) {
    case 'rows':
      return rowsOf(table);
    case 'bytes':
      return table.bytes;
    case 'indexCount':
      return table.indexCount;
    case 'status':
      return table.status === null ? null : statusRank[table.status];
    case 'createdBy':
      return table.createdBy?.revision ?? null;
    default:
      return table[column];
  }
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Stable; empty values always last, whichever the direction. Ties fall back to schema.name. */
export function sortTables(tables: readonly InventoryTable[], sort: Sort): InventoryTable[] {
  const direction = sort.descending ? -1 : 1;
  return [...tables].sort((a, b) => {
    const x = value(a, sort.column);
    const y = value(b, sort.column);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      if (order !== 0) return order * direction;
    }
    return collator.compare(`${a.schema}.${a.name}`, `${b.schema}.${b.name}`);
  });
}

export interface Totals {
  tables: number;
  rows: number;
  bytes: number;
  indexes: number;
}

export function totalsOf(tables: readonly InventoryTable[]): Totals {
  const totals: Totals = { tables: tables.length, rows: 0, bytes: 0, indexes: 0 };
  for (const t of tables) {
    totals.rows += rowsOf(t) ?? 0;
    totals.bytes += t.bytes ?? 0;
    totals.indexes += t.indexCount;
  }
  return totals;
}

export function schemasOf(tables: readonly InventoryTable[]): string[] {
  return [...new Set(tables.map((t) => t.schema))].sort(collator.compare);
}

/** What an exact count can run on: stored rows that exist (a view's count would run its query). */
export function isCountable(table: InventoryTable): boolean {
  return table.status !== 'missing' && (table.kind === 'table' || table.kind === 'materialized view');
}

export function keyOf(table: { schema: string; name: string }): string {
  return `${table.schema}\u0000${table.name}`;
}
