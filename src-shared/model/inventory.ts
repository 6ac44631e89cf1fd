// The table inventory: what a database holds, what its migrations say it should hold, and where
// the two disagree. The same shape feeds the Inventory screen, `switchyard inventory --json` and
// the runner's preflight.
import type { ProjectFormat } from './revision';

export const relationKinds = ['table', 'partitioned table', 'view', 'materialized view', 'foreign table'] as const;
export type RelationKind = (typeof relationKinds)[number];

/**
 * ok: expected and present. missing: expected, absent. unexpected: present, created by no applied
 * migration. conflict: present, and a pending migration creates it (the next upgrade would fail).
 * bookkeeping: the version table a runner keeps (switchyard_migrations, alembic_version).
 */
export const tableStatuses = ['ok', 'missing', 'unexpected', 'conflict', 'bookkeeping'] as const;
export type TableStatus = (typeof tableStatuses)[number];

/** A revision, with where its file declares it, so the UI and CLI can point at it. */
export interface RevisionRef {
  revision: string;
  file: string;
  line: number;
}

export interface InventoryTable {
  schema: string;
  name: string;
  kind: RelationKind;
  /** The planner's estimate (PostgreSQL reltuples) or an exact count (SQLite); null when never analysed or missing. */
  estimatedRows: number | null;
  /** An exact count: at once on SQLite, on demand on PostgreSQL; null until counted. */
  exactRows: number | null;
  /** Table + indexes + TOAST. Estimated from page counts at first (PostgreSQL), exact once sizes are read. */
  bytes: number | null;
  bytesExact: boolean;
  indexCount: number;
  owner: string | null;
  comment: string | null;
  /** Null without a project, and for views (static analysis tracks tables only). */
  status: TableStatus | null;
  /** The applied revision that created it (renames keep their creator). */
  createdBy: RevisionRef | null;
  /** For a conflict: the pending revision whose CREATE would fail. */
  conflictWith: RevisionRef | null;
  /**
   * For an unexpected table: an applied revision that may have made it without static analysis being
   * sure, and how (a function's body, a statement it could not read that names it).
   */
  mayBeCreatedBy?: RevisionRef & { how: string };
}

/** Static analysis could not read every statement: unexpected, missing and conflicting tables may be its doing. */
export interface AnalysisIncomplete {
  /** How many revisions hold a statement it could not read. */
  revisions: number;
  /** "the analysis of 2 revisions was incomplete: 0005 (0005_x.sql:4: a dynamic EXECUTE is not read: …); …" */
  message: string;
}

/** A pending revision that changes the set of tables, in upgrade order. */
export interface PendingTableChange extends RevisionRef {
  created: string[];
  dropped: string[];
  renamed: Array<{ from: string; to: string }>;
}

export type StatusCounts = Record<TableStatus, number>;

export interface Inventory {
  /** Profile name, or the URL without its password. */
  connection: string;
  engine: 'postgres' | 'sqlite';
  /** Null without a bound project: the catalog alone, no statuses. */
  project: { dir: string; format: ProjectFormat; applied: number; pending: number } | null;
  /** Why the bound project could not be read (moved folder, no migrations): the catalog is still shown. */
  projectError: string | null;
  tables: InventoryTable[];
  counts: StatusCounts;
  pendingChanges: PendingTableChange[];
  /** Each statement static analysis could not read, with its revision: their tables may be reported wrongly. */
  analysisProblems: Array<{ revision: string; problem: string }>;
  /** Null when every statement was read; shown beside the unexpected, missing and conflicting tables otherwise. */
  analysisIncomplete: AnalysisIncomplete | null;
  /** True when every size is exact (SQLite with dbstat); PostgreSQL fills them in with inventory.sizes. */
  sizesExact: boolean;
}

/** An exact size, keyed like its table. */
export interface TableSize {
  schema: string;
  name: string;
  bytes: number;
}

/** One exact row count; null rows with a reason when the count timed out or failed. */
export interface RowCount {
  schema: string;
  name: string;
  rows: number | null;
  error?: string;
}

export function emptyCounts(): StatusCounts {
  return { ok: 0, missing: 0, unexpected: 0, conflict: 0, bookkeeping: 0 };
}

/** How static analysis names a table: `name` in the default schema, `schema.name` elsewhere. */
export function tableKey(schema: string, name: string, defaultSchema: string): string {
  return schema === defaultSchema ? name : `${schema}.${name}`;
}

/** The inverse of tableKey; the first dot separates the schema, as static analysis writes it. */
export function splitTableKey(key: string, defaultSchema: string): { schema: string; name: string } {
  const dot = key.indexOf('.');
  return dot === -1 ? { schema: defaultSchema, name: key } : { schema: key.slice(0, dot), name: key.slice(dot + 1) };
}
