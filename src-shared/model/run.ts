// Upgrade, downgrade and stamp as the UI previews them and the runner reports them.
import type { Snapshot } from './reset';
import type { ProjectFormat } from './revision';
import type { RunSchemaCheck } from './schemaCheck';
import type { MigrationStatus } from './status';

export const runActions = ['upgrade', 'downgrade', 'stamp'] as const;
export type RunAction = (typeof runActions)[number];

export interface RunRequest {
  action: RunAction;
  /** Where to go: any revision the graph engine accepts (heads, head, base, an id prefix, label@head, +1, -2…). */
  to: string;
  /** For stamp: remove records down to the target instead of adding them up to it. */
  down?: boolean;
  /** Take a snapshot of the database before the first statement: the way back from a downgrade. */
  snapshotFirst?: boolean;
  /** With snapshotFirst: the database's sessions were listed and may be ended for the copy (PostgreSQL copies an idle database). */
  endSessions?: boolean;
}

export interface PreviewStep {
  revision: string;
  direction: 'up' | 'down';
  file: string;
  message: string;
}

export interface PreflightFinding {
  severity: 'error' | 'warning';
  message: string;
  revision?: string;
  table?: string;
}

/** A table the plan drops, empties or deletes rows from, with what it holds now. */
export interface DestroyedTable {
  table: string;
  /** drop: the table goes; truncate: every row goes; delete: rows go (all, or those its WHERE picks). */
  how: 'drop' | 'truncate' | 'delete';
  revision: string;
  direction: 'up' | 'down';
  /** Rows it holds now; null when they could not be counted (`error` says why). */
  rows: number | null;
  error?: string;
}

export interface RunPreview {
  request: RunRequest;
  steps: PreviewStep[];
  /** The exact SQL, in order, bookkeeping included (for Alembic: what `alembic … --sql` prints). */
  sql: string;
  findings: PreflightFinding[];
  /** The profile is a production one: running needs an explicit confirmation. */
  production: boolean;
  /** Tables the plan destroys that hold data now (static analysis of the SQL it runs, rows counted). */
  destruction?: DestroyedTable[];
}

export interface RunResult {
  request: RunRequest;
  steps: Array<PreviewStep & { durationMs: number }>;
  totalMs: number;
  status: MigrationStatus;
  /** The snapshot taken first (request.snapshotFirst): restoring it undoes the run. */
  snapshot?: Snapshot;
  /** The whole schema after the run against what the migrations make at what is applied now (runs through RunnerService). */
  schemaCheck?: RunSchemaCheck;
}

/** What a failed run's error detail carries besides the failing step's (revision, direction, file…). */
export interface RunFailureDetail {
  /** The snapshot taken first (request.snapshotFirst), kept: restoring it undoes what the run changed before it failed. */
  snapshot?: Snapshot;
}

/**
 * What `adopt --from TOOL` would write: the history another tool recorded, recorded again in the
 * bookkeeping of the project's own format, in one transaction.
 */
export interface AdoptionPreview {
  from: ProjectFormat;
  into: ProjectFormat;
  /** Revisions the old bookkeeping records, with their ancestors, in the order they are recorded. */
  revisions: string[];
  /** Recorded by the old tool but defined by no file of the project: not adopted, and said. */
  unknown: string[];
  /** The old tool's tables renamed to keep them whole, where the new format's table has the same name (golang-migrate's and dbmate's schema_migrations). */
  movedAside: Array<{ table: string; to: string }>;
  /** The exact statements, bookkeeping only: no migration runs. */
  sql: string;
}

export interface AdoptionResult extends AdoptionPreview {
  status: MigrationStatus;
}
