// A project with bindings seen per database: where each bound database of an environment stands,
// and a coordinated upgrade or downgrade over them (each database its own branch, one after another,
// stopping all at the first failure). What the API, the CLI and the app agree on.
import { z } from 'zod';
import type { WireError } from '../errors';
import { formatMoment } from '../format/moment';
import { confirmationSchema } from './confirmation';
import type { DriftReport } from './drift';
import type { Rehearsal, RehearsalStanding } from './rehearsal';
import type { Snapshot } from './reset';
import type { PreflightFinding } from './run';
import { projectEnvironmentNameSchema } from './project';
import type { BindingAnomaly } from '../projects/bindingOwnership';
import type { BoundAction } from '../projects/bindingPlan';
import type { DatabaseStanding } from '../projects/boundStatus';

const projectField = z.string().trim().min(1, 'A project is required').max(100);

/**
 * How a coordinated run uses rehearsals, database by database, before anything runs on any of them:
 * protected — the databases whose connection is staging or production rehearse their plan on a clone
 * first, unless it already succeeded on the schema they have now (the default, as for one connection);
 * first — every database does; required — refused unless every database's plan succeeded on its
 * schema already (the CLI's --rehearsed); skip — none does, and the result says so (--no-rehearse).
 */
export const boundRehearsalModes = ['protected', 'first', 'required', 'skip'] as const;
export type BoundRehearsalMode = (typeof boundRehearsalModes)[number];

export const boundStatusInputSchema = z.object({ project: projectField, env: projectEnvironmentNameSchema }).strict();

export const boundRunInputSchema = z
  .object({
    project: projectField,
    env: projectEnvironmentNameSchema,
    action: z.enum(['upgrade', 'downgrade']),
    to: z.string().trim().min(1, 'A revision to go to is required').max(200),
    /** When any database is a production connection: the environment's name, typed. */
    confirmation: confirmationSchema.default({}),
    /** How long each database's run waits for someone else's run lock (the CLI's --lock-timeout); the runner's default when absent. */
    lockTimeoutMs: z.number().int().min(0).max(600_000).optional(),
    rehearsal: z.enum(boundRehearsalModes).default('protected'),
    /** Each database that runs something: a snapshot of it first (all taken before the first database runs). */
    snapshotFirst: z.boolean().optional(),
    /** With snapshotFirst: each database's sessions may be ended for its copy (PostgreSQL copies an idle database). */
    endSessions: z.boolean().optional(),
    /** No comparison of each database's whole schema after its run (each result says it was skipped). */
    schemaCheck: z.boolean().default(true),
  })
  .strict();

export type BoundRunInput = z.output<typeof boundRunInputSchema>;

export const boundPreviewInputSchema = boundRunInputSchema
  .omit({ confirmation: true, lockTimeoutMs: true, rehearsal: true, snapshotFirst: true, endSessions: true, schemaCheck: true })
  .strict();
export type BoundPreviewInput = z.output<typeof boundPreviewInputSchema>;

/** A bound database of an environment: its role, the labels bound to it, and the connection playing the role (null: none does). */
export interface BoundConnection {
  role: string;
  labels: string[];
  profileId: string | null;
  profileName: string | null;
}

export interface BoundDatabaseStatus extends BoundConnection {
  standing?: DatabaseStanding;
  /** Why it could not be read (no connection plays the role, the server refused…): never a silent gap. */
  error?: WireError;
}

export interface BoundStatus {
  project: string;
  environment: string;
  databases: BoundDatabaseStatus[];
  anomalies: BindingAnomaly[];
}

/** A coordinated run's dry run, per database in run order: the exact SQL of each target, nothing changed. */
export interface BoundPreviewDatabase extends BoundConnection {
  targets: string[];
  /** The revisions it would run, in order (several heads: each once, with the first that reaches it). */
  steps: string[];
  sql: string;
  findings: PreflightFinding[];
  /** Why it could not be previewed (its role unplayed, another database's revisions recorded on it…). */
  error?: WireError;
}

export interface BoundPreview {
  project: string;
  environment: string;
  action: BoundAction;
  to: string;
  databases: BoundPreviewDatabase[];
}

/** Drift per bound database: each compared with its own migrations up to what it has applied. */
export interface BoundDriftDatabase extends BoundConnection {
  report?: DriftReport;
  /** Why it could not be compared (no connection plays the role, the server refused…): never a silent gap. */
  error?: WireError;
}

export interface BoundDrift {
  project: string;
  environment: string;
  databases: BoundDriftDatabase[];
  anomalies: BindingAnomaly[];
}

/**
 * A database's rehearsal in a coordinated run or a rehearsal of it: rehearsed on its clone now (ok or
 * failed), reused (this plan succeeded on this schema before), missing (a rehearsal was required and
 * none succeeded for this plan on this schema: `why`), or why not — skipped (asked), notAsked (its
 * connection is neither staging nor production, the default), notStarted (an earlier database's
 * rehearsal failed), nothing (the target is not on it).
 */
export interface BoundDatabaseRehearsal {
  state: 'rehearsed' | 'failed' | 'reused' | 'missing' | 'skipped' | 'notAsked' | 'notStarted' | 'nothing';
  rehearsal?: Rehearsal;
  why?: string;
}

/** The rehearsal of a coordinated run (bindings.rehearse): every database's plan on its own clone; nothing runs on the databases. */
export interface BoundRehearsalDatabase extends BoundConnection {
  targets: string[];
  rehearsal: BoundDatabaseRehearsal;
  /** Why it could not be rehearsed (its role unplayed, the server refused…). */
  error?: WireError;
}

export interface BoundRehearsalResult {
  project: string;
  environment: string;
  action: BoundAction;
  to: string;
  /** Every database on the target rehearsed and succeeded. */
  ok: boolean;
  databases: BoundRehearsalDatabase[];
}

/** Where each database's plan stands against its kept rehearsals (the run dialog's "rehearsed ✓ 2 min ago" per database). */
export interface BoundRehearsalStandingDatabase extends BoundConnection {
  targets: string[];
  /** Whether a run rehearses it first by default (its connection is staging or production). */
  rehearsesByDefault: boolean;
  standing?: RehearsalStanding;
  error?: WireError;
}

export interface BoundRehearsalStanding {
  project: string;
  environment: string;
  databases: BoundRehearsalStandingDatabase[];
}

/** "auth (auth staging): rehearsed ✓ in 120 ms", "specs (specs staging): rehearsal FAILED: …" */
export function boundRehearsalLine(d: BoundConnection & { rehearsal: BoundDatabaseRehearsal }): string {
  const where = `${d.role} (${d.profileName ?? 'no connection'})`;
  const r = d.rehearsal.rehearsal;
  switch (d.rehearsal.state) {
    case 'rehearsed':
      return `${where}: rehearsed ✓ on a clone in ${r?.totalMs ?? 0} ms`;
    case 'failed':
      return `${where}: rehearsal FAILED: ${r?.failure?.message ?? 'unknown failure'}`;
    case 'reused':
      return `${where}: rehearsed ✓ ${r ? formatMoment(r.at) : 'before'}: this plan succeeded on the schema it has now`;
    case 'missing':
      return `${where}: not rehearsed as it stands: ${d.rehearsal.why ?? 'no rehearsal of this plan on this schema'}`;
    case 'skipped':
      return `${where}: not rehearsed (skipped when the run was started)`;
    case 'notAsked':
      return `${where}: not rehearsed (neither staging nor production)`;
    case 'notStarted':
      return `${where}: not rehearsed (an earlier database's rehearsal failed)`;
    case 'nothing':
      return `${where}: not on this target, nothing to rehearse`;
  }
}

export type BoundRunOutcome = 'done' | 'nothing' | 'failed' | 'notStarted';

export interface BoundRunDatabase extends BoundConnection {
  /** What it was asked to run to (several heads in turn); empty: the target is not on it. */
  targets: string[];
  outcome: BoundRunOutcome;
  /** Revisions run on it, in order. */
  ran: string[];
  /** Where it stands after its run. */
  heads?: string[];
  error?: WireError;
  /** Its rehearsal before anything ran on any database (absent: the run was refused before rehearsals). */
  rehearsal?: BoundDatabaseRehearsal;
  /** The snapshot of this database taken before anything ran (snapshotFirst): restoring it undoes its part. */
  snapshot?: Snapshot;
}

export interface BoundRunResult {
  project: string;
  environment: string;
  action: BoundAction;
  to: string;
  outcome: 'succeeded' | 'failed';
  /** In run order. */
  databases: BoundRunDatabase[];
}

/** One database's line: "auth (auth dev): ran a1, a2; now at a2", "specs (specs dev): not started". */
export function boundRunLine(d: BoundRunDatabase): string {
  const where = `${d.role} (${d.profileName ?? 'no connection'})`;
  switch (d.outcome) {
    case 'done':
      return `${where}: ran ${d.ran.join(', ')}; now at ${d.heads?.join(', ') || 'base'}`;
    case 'nothing':
      return d.targets.length === 0 ? `${where}: not on this target, nothing to run` : `${where}: nothing to do; at ${d.heads?.join(', ') || 'base'}`;
    case 'failed':
      return `${where}: failed${d.ran.length > 0 ? ` after running ${d.ran.join(', ')}` : ''}: ${d.error?.message ?? 'unknown error'}`;
    case 'notStarted':
      return `${where}: not started`;
  }
}
