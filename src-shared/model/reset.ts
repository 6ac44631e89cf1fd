// The reset wizard and snapshots as the UI, the CLI and the API see them: a plan (what will be
// destroyed and the exact statements), the steps as they run, and what the database holds after.
import type { DriftedObject } from './drift';

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
  /** The database missing, an interrupted reset, settled snapshots: said before anything else. */
  condition?: DatabaseCondition;
  /** The backup this reset takes first, described before it is taken; absent when there is no database to copy. */
  safetyNet?: SafetyNetPlan;
}

/** The safety-net snapshot as the Safety net step names it: what it is called, where it goes, how big, whether it can be taken. */
export interface SafetyNetPlan {
  /** "Before reset, <moment>": the moment it is taken goes into the name. */
  name: string;
  /** Where the copy goes, in words: a database beside this one on its server, or a file in a folder. */
  place: string;
  /** The database's size now, which the copy will be about; 0 when not measured. */
  estimatedBytes: number;
  /** Whether it can be taken; when not, why and what to do. */
  possible: PrivilegeCheck;
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
  /** Every object that differs from what the migrations make (columns, indexes, constraints…), when the full schema was compared. */
  drift?: DriftedObject[];
  /** What that comparison could not read, and each note on how its reads went; absent when there is nothing to say. */
  schemaNotes?: string[];
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

/** 'creating': recorded before the copy began and not (yet) finished — not restorable. */
export type SnapshotState = 'creating' | 'ready';

/** What a PostgreSQL restore recreates besides the data, as it was when the snapshot was taken. */
export interface DatabaseShapeRecord {
  owner: string;
  encoding: string;
  collate: string;
  ctype: string;
}

export interface Snapshot {
  id: string;
  /** The profile that took it (or "url:<connection>" from the CLI); the snapshot belongs to databaseKey. */
  profileId: string;
  /** The database it copies — engine, server and name, or the SQLite file's real path — whichever profile reaches it. */
  databaseKey: string;
  state: SnapshotState;
  name: string;
  createdAt: string;
  sizeBytes: number;
  /** Revision heads recorded in the database when the snapshot was taken. */
  heads: string[];
  engine: 'postgres' | 'sqlite';
  /** Template database name (PostgreSQL) or file path (SQLite). */
  location: string;
  /** PostgreSQL: owner, encoding and collation when taken (absent for SQLite and snapshots older than this record). */
  shape?: DatabaseShapeRecord;
}

/** A reset that started and never reached its end (the process was killed), from the store's journal. */
export interface InterruptedReset {
  startedAt: string;
  /** The connection that started it. */
  connection: string;
  /** 1-based number of the step that was running, of stepCount. */
  stepNumber: number;
  stepCount: number;
  step: ResetStepName;
  stepTitle: string;
  /** The reset's own safety-net snapshot, when it got that far. */
  snapshot?: Snapshot;
  /** "A reset was interrupted at step 3 of 6 (Drop the database); the snapshot to restore is …". */
  message: string;
}

/** What a screen or command must say before acting on a connection's database. */
export interface DatabaseCondition {
  databaseExists: boolean;
  /** When the database is missing: its newest ready snapshot, the one to restore. */
  latestSnapshot?: Snapshot;
  interruptedReset?: InterruptedReset;
  /** Interrupted snapshots found and finished or cleaned up just now, in words. */
  settled: string[];
  /** Everything above in sentences, with the way out. Empty when there is nothing to say. */
  notices: string[];
}

/** What "Reset demo" restores: the demo connection's snapshot taken at creation, or one kept as pristine demo on any connection. */
export const demoSnapshotName = 'Pristine demo';

/** One connected session in a line: who, from where, since when — what a user is asked to end. */
export function sessionInWords(session: ResetSession): string {
  const who = [session.user ?? 'unknown user', session.application ? `(${session.application})` : '', `from ${session.clientAddress ?? 'a local socket'}`];
  return `${who.filter(Boolean).join(' ')}${session.since ? ` since ${session.since}` : ''}, pid ${session.pid}`;
}
