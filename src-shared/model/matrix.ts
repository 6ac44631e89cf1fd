// The matrix of a project: its revisions as rows (graph order, lanes), its environments' connections
// as columns, one cell per pair saying where that database stands on that revision, and what each
// environment lacks that the one before it has. What the app's Matrix tab, `switchyard matrix` and
// the promotion's plan all read.
import type { BindingAnomaly } from '../projects/bindingOwnership';
import type { Anomaly } from './revision';
import type { PendingBranch } from './status';

export const cellStates = ['applied', 'pending', 'failed', 'changed', 'unknown', 'elsewhere'] as const;
/**
 * applied: recorded as applied; pending: not applied; failed: Switchyard's last run of it failed and it
 * is not applied; changed: applied, and the recorded checksum differs from the file's (or from what
 * another environment recorded); unknown: the connection could not be read; elsewhere: a project with
 * bindings, and the revision lives on another database of the environment (never run on this one).
 */
export type CellState = (typeof cellStates)[number];

/** Where a cell's when, who and how long come from. */
export type CellSource = 'bookkeeping' | 'audit';

export interface MatrixCell {
  state: CellState;
  /** When it was applied (or failed); absent when nobody recorded it. */
  at?: string;
  /** Who applied it (or ran the failed run); absent when nobody recorded it. */
  by?: string;
  /** How long it took, in milliseconds; absent when nobody recorded it. */
  ms?: number;
  /** Which record said when, who and how long. */
  source?: CellSource;
  /** Why changed, failed or unknown, in words. */
  note?: string;
}

export interface MatrixRow {
  id: string;
  message: string;
  /** Its parents the files define (a missing one is an anomaly). */
  parents: string[];
  /** The lane its dot sits in (the graph screen's lanes, newest first). */
  lane: number;
  branchLabels: string[];
  /** Several parents. */
  merge: boolean;
  file: string;
  /** A project with bindings: the role of the database this revision lives on (absent: on no single one, a binding anomaly). */
  database?: string;
}

export interface MatrixColumn {
  environment: string;
  profileId: string;
  profileName: string;
  role: string;
  production: boolean;
  /** Why the connection could not be read; its cells are then all unknown. Null when it was read. */
  error: { code: string; message: string } | null;
  /** Applied revisions with no applied child: where it stands. */
  heads: string[];
  /** Recorded in the database, defined by no file of the project. */
  unknownApplied: string[];
  /** Per project head, the revisions not applied here that reaching it runs, in plan order. */
  pendingByBranch: PendingBranch[];
  /** The tool's own bookkeeping forbids a run (golang-migrate's dirty flag, Flyway's failed row…), in words. */
  runRefusal: string | null;
  /** One per row, in the rows' order. */
  cells: MatrixCell[];
  counts: Record<CellState, number>;
  /** Tables the applied revisions create that the database does not hold; absent when not asked (or not read). */
  missingTables?: string[];
  /** A project with bindings: revisions of other databases recorded as applied on this one (an anomaly: its version table should hold only its own branch). */
  foreign?: string[];
}

/** What a gap between neighbouring environments asks for. */
export const gapKinds = ['level', 'upgrade', 'downgradeFirst', 'unknown'] as const;
export type GapKind = (typeof gapKinds)[number];

/** What the next environment lacks of the one before it. */
export interface NeighbourGap {
  from: string;
  to: string;
  /** Applied on every connection of `from` and missing on a connection of `to`, in plan order. */
  toApply: string[];
  /** Applied on a connection of `to` and not on every connection of `from`: reverted first, children first. */
  toRevert: string[];
  kind: GapKind;
  /** Why the gap is unknown (a connection not read, an environment with no connections). */
  note?: string;
}

export interface Matrix {
  project: { id: string; name: string; dir: string; format: string };
  /** When the connections were read (ISO). */
  readAt: string;
  rows: MatrixRow[];
  laneCount: number;
  /** Lines from a revision (row `from`) down to a parent (row `to`) that pass other rows, in `lane`: the screen draws those crossing the rows it shows. */
  lines: Array<{ from: number; to: number; lane: number }>;
  columns: MatrixColumn[];
  /** Environments in promotion order, with the columns each holds (indexes into columns). */
  environments: Array<{ name: string; columns: number[] }>;
  gaps: NeighbourGap[];
  anomalies: Anomaly[];
  /** The project's heads. */
  heads: string[];
  /**
   * A project with bindings: its databases in binding order (the order of a coordinated upgrade) and
   * what cannot be placed on exactly one of them. Each column is then one database (its role), its
   * cells `elsewhere` on the other databases' revisions, and gaps and promotions compare role by role.
   */
  bindings?: { databases: Array<{ role: string; labels: string[] }>; anomalies: BindingAnomaly[] };
}

/** Whether the row's revision is this column's to run: every revision without bindings, else only its own database's. */
export function ownsRow(matrix: Pick<Matrix, 'bindings'>, row: Pick<MatrixRow, 'database'>, column: Pick<MatrixColumn, 'role'>): boolean {
  return matrix.bindings === undefined || row.database === column.role;
}

/** A cell in words, for a screen reader and the Markdown: "applied 1 Dec 2026 by alice via cli in 12 ms". */
export function cellWords(cell: MatrixCell, moment: (iso: string) => string): string {
  const base: Record<CellState, string> = {
    applied: 'applied',
    pending: 'pending',
    failed: 'failed',
    changed: 'applied, changed since',
    unknown: 'unknown',
    elsewhere: 'not on this database',
  };
  const parts = [base[cell.state]];
  if (cell.state === 'applied' || cell.state === 'changed' || cell.state === 'failed') {
    parts.push(cell.at ? moment(cell.at) : 'when unknown');
    parts.push(cell.by ? `by ${cell.by}` : 'by whom unknown');
    if (cell.state !== 'failed') parts.push(cell.ms === undefined ? 'duration unknown' : `in ${cell.ms.toLocaleString('en-US')} ms`);
  }
  const sentence = parts.join(', ');
  return cell.note ? `${sentence}: ${cell.note}` : sentence;
}
