// The reset wizard and snapshots as the UI, the CLI and the API see them: a plan (what will be
// destroyed and the exact statements), the steps as they run, and what the database holds after.

export const resetModes = ['recreate', 'wipe', 'snapshot'] as const;
/** recreate: drop and create the database. wipe: drop and create its schemas (no CREATEDB needed). snapshot: restore one. */
export type ResetMode = (typeof resetModes)[number];

export interface ResetRequest {
  mode: ResetMode;
  /** Migration target after the reset (heads, a branch head, a revision); absent: leave it empty. */
  to?: string;
  /** A SQL file run after the migrations. */
  seedFile?: string;
  /** For mode snapshot: which one to restore. */
  snapshotId?: string;
  /** Take a snapshot first (the default); skipping needs `skipSnapshotAcknowledged` and is refused on production. */
  takeSnapshot: boolean;
  skipSnapshotAcknowledged?: boolean;
}

/** What the user typed and acknowledged on the Confirm step. */
export interface ResetConfirmation {
  /** Must equal the plan's databaseName. */
  typedName: string;
  /** For production connections: the environment's name typed as a second acknowledgement. */
  environmentAcknowledged?: string;
}

export interface ResetSession {
  pid: number;
  user: string | null;
  application: string | null;
  clientAddress: string | null;
  since: string | null;
}

export interface PrivilegeCheck {
  ok: boolean;
  /** Why not, in words a support engineer can act on. */
  explanation: string;
}

export interface ResetImpact {
  tables: number;
  /** Rows in every table: counted when the database is small, else the planner's estimate. */
  rows: number;
  rowsExact: boolean;
  bytes: number;
  sessions: ResetSession[];
  privileges: PrivilegeCheck;
}

export const resetStepNames = ['snapshot', 'terminate', 'drop', 'create', 'restore', 'migrate', 'seed', 'verify'] as const;
export type ResetStepName = (typeof resetStepNames)[number];

export interface PlannedStep {
  step: ResetStepName;
  title: string;
  /** The exact statements, in order (migrate lists its revisions instead). */
  statements: string[];
  /** Data is gone once this step has run. */
  destructive: boolean;
}

export interface ResetPlan {
  connection: string;
  engine: 'postgres' | 'sqlite';
  environment: string;
  databaseName: string;
  request: ResetRequest;
  impact: ResetImpact;
  snapshots: Snapshot[];
  steps: PlannedStep[];
  /** Why the reset cannot run as asked (privileges, read-only, production without a snapshot…). */
  refusals: string[];
}

export type StepOutcome = 'done' | 'failed' | 'skipped' | 'cancelled';

export interface StepResult {
  step: ResetStepName;
  title: string;
  outcome: StepOutcome;
  durationMs: number;
  message: string;
}

export interface ResetVerification {
  ok: boolean;
  heads: string[];
  missingTables: string[];
  unexpectedTables: string[];
}

export interface ResetResult {
  ok: boolean;
  steps: StepResult[];
  /** The step that failed or was cancelled before, when not ok. */
  stoppedAt?: ResetStepName;
  /** What the database holds now, in words (e.g. "dropped: the database does not exist"). */
  databaseState: string;
  /** The safety-net snapshot, kept whatever happened: restoring it undoes the reset. */
  snapshot?: Snapshot;
  verification?: ResetVerification;
  totalMs: number;
}

export interface Snapshot {
  id: string;
  profileId: string;
  name: string;
  createdAt: string;
  sizeBytes: number;
  /** Revision heads recorded in the database when the snapshot was taken. */
  heads: string[];
  engine: 'postgres' | 'sqlite';
  /** Template database name (PostgreSQL) or file path (SQLite). */
  location: string;
}

/** The demo connection's snapshot taken at creation: what "Reset demo" restores. */
export const demoSnapshotName = 'Pristine demo';
