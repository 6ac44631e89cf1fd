// A project with bindings seen per database: where each bound database of an environment stands,
// and a coordinated upgrade or downgrade over them (each database its own branch, one after another,
// stopping all at the first failure). What the API, the CLI and the app agree on.
import { z } from 'zod';
import type { WireError } from '../errors';
import { confirmationSchema } from './confirmation';
import type { DriftReport } from './drift';
import type { PreflightFinding } from './run';
import { projectEnvironmentNameSchema } from './project';
import type { BindingAnomaly } from '../projects/bindingOwnership';
import type { BoundAction } from '../projects/bindingPlan';
import type { DatabaseStanding } from '../projects/boundStatus';

const projectField = z.string().trim().min(1, 'A project is required').max(100);

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
  })
  .strict();

export type BoundRunInput = z.output<typeof boundRunInputSchema>;

export const boundPreviewInputSchema = boundRunInputSchema.omit({ confirmation: true, lockTimeoutMs: true }).strict();

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
