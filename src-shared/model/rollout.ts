// Fleet rollouts: one target run over every database of a group or of a project's environment, a few
// at a time, with a journal per database so an interrupted rollout resumes without applying anything twice.
import { z } from 'zod';
import { connectionRoleSchema, groupNameSchema, projectEnvironmentNameSchema, projectNameSchema } from './project';
import type { RehearsalOutcome } from './rehearsalOutcome';
import type { RunFailure } from './runFailure';

export const defaultRolloutConcurrency = 4;

/**
 * Which databases of a rollout rehearse their plan on a clone before any database runs (only those on
 * staging or production connections; dev and test ones never by default): canary — the first of each
 * role (without bindings, the first of the fleet), standing for the others that take the same files;
 * each — every one, one after another; skip — none, said on each row. One failed rehearsal runs nothing.
 */
export const rolloutRehearsalModes = ['canary', 'each', 'skip'] as const;
export type RolloutRehearsalMode = (typeof rolloutRehearsalModes)[number];

export const rolloutRequestSchema = z
  .object({
    project: projectNameSchema,
    /** Every member of this group takes the project's migrations… */
    group: groupNameSchema.optional(),
    /** …or every connection of this environment of the project. */
    env: projectEnvironmentNameSchema.optional(),
    /**
     * A project with bindings: the database the group's members are (required for a group), or the
     * one role of the environment to run (an environment's connections otherwise run each as its role).
     */
    role: connectionRoleSchema.optional(),
    /** Where each database goes: heads, a revision, label@head… (an upgrade). */
    to: z.string().trim().min(1, 'A target (--to) is required').max(200),
    concurrency: z.number().int().min(1, 'The concurrency is at least 1').max(32, 'The concurrency is at most 32').default(defaultRolloutConcurrency),
    /** Go on with the other databases after one fails; otherwise no new database starts after the first failure. */
    continueOnError: z.boolean().default(false),
    /** How long each database's run waits for someone else's run lock before it is reported locked. */
    lockTimeoutMs: z.number().int().min(0).max(600_000).default(10_000),
    /** Rehearsals before any database runs (rollouts journalled before rehearsals read as canary). */
    rehearsal: z.enum(rolloutRehearsalModes).default('canary'),
  })
  .strict()
  .refine((r) => (r.group === undefined) !== (r.env === undefined), 'Give either a group or an environment, not both');

export type RolloutRequestInput = z.input<typeof rolloutRequestSchema>;
export type RolloutRequest = z.output<typeof rolloutRequestSchema>;

/** A rollout as a whole; `interrupted`: found running with no live process (app closed, process killed). */
export const rolloutStates = ['running', 'interrupted', 'done', 'failed', 'cancelled'] as const;
export type RolloutState = (typeof rolloutStates)[number];

/**
 * One database's state: `locked` (someone else's run holds its lock: `holder` names them), `stopped`
 * (it finished its current revision and went no further because another database failed), `skipped`
 * (never started: the rollout stopped or was cancelled first), `interrupted` (its run was cut off with
 * the process: a resume reads what it applied again and plans the rest).
 */
export const rolloutItemStates = ['waiting', 'running', 'locked', 'done', 'failed', 'stopped', 'skipped', 'cancelled', 'interrupted'] as const;
export type RolloutItemState = (typeof rolloutItemStates)[number];

/** Why a database's run failed, and where (the runner's file and line). */
export type RolloutFailure = RunFailure;

export interface RolloutItem {
  profileId: string;
  /** The connection's name when the rollout started (kept should the profile be removed). */
  name: string;
  /** A project with bindings: the database (role) it is, whose part of the target it runs; roles run one after another in the bindings' order. */
  role?: string;
  position: number;
  state: RolloutItemState;
  /** Revisions this rollout applied on it, over every pass (a resumed database re-reads its applied set). */
  applied: string[];
  /** While running: revision `index` of `total` (1-based) is being applied. */
  current?: { index: number; total: number };
  /** Who holds the run lock, in the server's words (locked). */
  holder?: string;
  failure?: RolloutFailure;
  /** Its rehearsal on a clone before any database of this pass ran, or why it had none (absent in rollouts journalled before rehearsals). */
  rehearsal?: RehearsalOutcome;
  /** How many times a run was started on it (more than one after a resume). */
  passes: number;
  startedAt?: string;
  finishedAt?: string;
}

export interface RolloutCounts {
  total: number;
  done: number;
  failed: number;
  locked: number;
  /** Not finished for another reason: waiting, stopped, skipped, cancelled, still running. */
  unfinished: number;
}

export interface Rollout {
  id: string;
  request: RolloutRequest;
  /** "env prod of shop" or "group tenants of shop": the scope in words. */
  scope: string;
  state: RolloutState;
  actor: string;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
  items: RolloutItem[];
  counts: RolloutCounts;
}

/** A long operation's progress: one database's row changed, in the rollout of this id. */
export interface RolloutProgress {
  rolloutId: string;
  item: RolloutItem;
}

/** A rollout in a list: everything but its rows. */
export type RolloutListing = Omit<Rollout, 'items'>;

export function rolloutCounts(items: readonly RolloutItem[]): RolloutCounts {
  const count = (state: RolloutItemState) => items.filter((i) => i.state === state).length;
  const done = count('done');
  const failed = count('failed');
  const locked = count('locked');
  return { total: items.length, done, failed, locked, unfinished: items.length - done - failed - locked };
}

export function rolloutScope(request: Pick<RolloutRequest, 'project' | 'group' | 'env'>): string {
  return request.group === undefined ? `environment ${request.env ?? '?'} of ${request.project}` : `group ${request.group} of ${request.project}`;
}

/** What is typed to confirm a rollout that reaches production connections: the group's or the environment's name. */
export function rolloutTypedName(request: Pick<RolloutRequest, 'group' | 'env'>): string {
  return request.group ?? request.env ?? '';
}

/** Why the typed name does not cover a rollout over these production connections, or undefined when it does (or there are none). */
export function rolloutConfirmationRefusal(
  request: Pick<RolloutRequest, 'group' | 'env'>,
  production: readonly string[],
  typedName: string | undefined,
): string | undefined {
  if (production.length === 0) return undefined;
  const expected = rolloutTypedName(request);
  if (typedName === expected) return undefined;
  const names = production.length > 5 ? `${production.slice(0, 5).join(', ')} and ${production.length - 5} more` : production.join(', ');
  return `This rollout runs on ${production.length === 1 ? 'a production connection' : `${production.length} production connections`} (${names}): type ${
    request.group === undefined ? "the environment's" : "the group's"
  } name (${expected}) to run it.`;
}

export const rolloutExportFormats = ['markdown', 'csv'] as const;
export type RolloutExportFormat = (typeof rolloutExportFormats)[number];

/** One database's outcome in words: "done, 3 revisions applied", "locked by pid 42…", "failed at 003_x.sql:4:1: …". */
export function rolloutItemSentence(item: RolloutItem): string {
  const applied = `${item.applied.length} revision${item.applied.length === 1 ? '' : 's'} applied`;
  switch (item.state) {
    case 'waiting':
      return 'waiting';
    case 'running':
      return item.current ? `running revision ${item.current.index} of ${item.current.total}` : 'running: planning';
    case 'locked':
      return `locked by someone else's run: ${item.holder ?? 'the holder is unknown'}`;
    case 'done':
      return item.applied.length === 0 ? 'done, nothing to apply' : `done, ${applied}`;
    case 'failed':
      return `failed${item.failure?.file ? ` at ${item.failure.file}${item.failure.line ? `:${item.failure.line}` : ''}` : ''}: ${item.failure?.message ?? 'unknown error'}`;
    case 'stopped':
      return `stopped after another database failed, ${applied}`;
    case 'skipped':
      return 'not started: the rollout stopped first';
    case 'cancelled':
      return `cancelled, ${applied}`;
    case 'interrupted':
      return `cut off while running (${applied} before); a resume reads what it has applied and plans the rest`;
  }
}
