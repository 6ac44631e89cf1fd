// Fleet rollouts, one way in for the API, the CLI and the app: start one over a group or an
// environment of a project, resume one that stopped or was cut off, list, read and export them.
// Each database's run is the runner's own (checked, locked and audited as any run); the journal in
// the store is written before and after each database, and a resume plans each unfinished database
// again from what it has applied, so nothing is ever applied twice. Before any database of a pass
// runs, its staging and production databases rehearse on clones as the request says (the canary of
// each role by default): one failed rehearsal runs nothing, and each row says its rehearsal.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { SwitchyardError } from '../../src-shared/errors';
import type { Confirmation } from '../../src-shared/model/confirmation';
import type { OperationStarted } from '../../src-shared/model/operation';
import type { BoundDatabaseRehearsal } from '../../src-shared/model/boundRun';
import type { Environment } from '../../src-shared/model/profile';
import { rehearsalOutcomeOf, rehearsalOutcomeSentence } from '../../src-shared/model/rehearsalOutcome';
import type { RunResult } from '../../src-shared/model/run';
import {
  rolloutConfirmationRefusal,
  rolloutCounts,
  rolloutRequestSchema,
  rolloutScope,
  type Rollout,
  type RolloutExportFormat,
  type RolloutItem,
  type RolloutListing,
  type RolloutRequest,
  type RolloutRequestInput,
  type RolloutState,
} from '../../src-shared/model/rollout';
import { rolloutExport, type RolloutExport } from '../../src-shared/model/rolloutExport';
import type { TargetRef } from '../../src-shared/model/targetRef';
import type { LoadedProject } from '../migrations/project';
import type { OperationContext, Operations } from '../operations/operations';
import { rehearseDatabases, rehearsesUnder } from '../projects/boundRehearsals';
import type { RehearsalService } from '../runner/rehearsal/rehearsalService';
import type { RunnerService } from '../runner/runnerService';
import type { StoreSession } from '../session/storeSession';
import { runFleet } from './fleetRun';
import { RolloutJournal, type JournalledRollout, type RolloutOwner } from '../store/rolloutJournal';
import { loadTargetProject, type MigrationTarget } from '../targets/migrationTarget';
import type { TargetResolver } from '../targets/targetResolver';

/** One database of a rollout: its connection with the project's folder as override, and on a project with bindings the role it is. */
export interface RolloutDatabase {
  profileId: string;
  ref: TargetRef;
  role?: string;
}

/** On a project with bindings, each role's part of the target, in the bindings' order (the order the roles run). */
export type PerDatabasePlan = Array<{ role: string; targets: string[] }>;

/** Where a rollout's databases come from: the request's group or environment, through the project service. */
export interface RolloutScopes {
  /** The project's id and the databases to run, in order, each with its ref (the project's folder as override). */
  databases(request: RolloutRequest): { projectId: string; databases: RolloutDatabase[] };
  /** One database of a rollout being resumed (its project's folder and its role as they are now). */
  databaseOf(request: RolloutRequest, profileId: string): RolloutDatabase;
  /** Null without bindings (every database runs the target); else the target split per role, refused when it cannot be (E_BINDING_ANOMALY…). */
  perDatabase(request: RolloutRequest): PerDatabasePlan | null;
}

/** Rollouts this process runs now (any Services in it): the others found `running` are someone else's, or interrupted. */
const runningHere = new Set<string>();

function ownerAlive(owner: RolloutOwner | undefined): boolean {
  if (!owner) return false;
  if (owner.host !== hostname()) return true; // another machine's process cannot be asked: taken to be alive
  if (owner.pid === process.pid) return false; // this process runs it only if runningHere says so
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type RolloutStarted = OperationStarted & { rolloutId: string };

interface PassTarget {
  ref: TargetRef;
  name: string;
  environment: string;
  /** A project with bindings: its role and that role's part of the target (empty: the target is not on it). */
  role?: string;
  runTo?: string[];
}

/** With bindings, every database's role must be one the bindings name: its part of the target, else why it cannot run. */
function placed(database: RolloutDatabase, plan: PerDatabasePlan | null, name: string, project: string): { role?: string; runTo?: string[] } {
  if (plan === null) return {};
  const part = plan.find((p) => p.role === database.role);
  if (!part) {
    throw new SwitchyardError(
      'E_INVALID_INPUT',
      `${name} ${database.role === undefined ? 'plays no role in the rollout' : `plays the role ${database.role}`}, and the project ${project} binds its branches to ${plan.map((p) => p.role).join(', ')}: it would not know which revisions are its own.`,
    );
  }
  return { role: part.role, runTo: part.targets };
}

/** What one pass of a rollout runs with: shared by the role loop and each pass over a role's databases. */
interface PassRun {
  request: RolloutRequest;
  operation: OperationContext;
  targets: Map<string, PassTarget>;
  actor: string;
  /** Null without bindings; else the target split per role, as the rollout was started or resumed with. */
  plan: PerDatabasePlan | null;
  changed: (item: RolloutItem, journal: boolean) => void;
  /** The project, read once for the whole rollout. */
  readProject: (target: MigrationTarget) => LoadedProject;
}

/** The project read once for a whole rollout (per folder, format and engine): every database runs the same files, read and parsed once. */
function fleetProjects(): (target: MigrationTarget) => LoadedProject {
  const read = new Map<string, LoadedProject>();
  return (target) => {
    const key = JSON.stringify([target.projectDir, target.projectFormat, target.connection.engine]);
    let project = read.get(key);
    if (!project) {
      project = loadTargetProject(target);
      read.set(key, project);
    }
    return project;
  };
}

/** The items in the bindings' order of their roles (stable: the scope's order within a role). */
function byRole(items: RolloutItem[], targets: Map<string, PassTarget>, plan: PerDatabasePlan): RolloutItem[][] {
  return plan.map((p) => items.filter((item) => targets.get(item.profileId)?.role === p.role));
}

export class RolloutService {
  constructor(
    private readonly session: StoreSession,
    private readonly targets: TargetResolver,
    private readonly runner: RunnerService,
    private readonly operations: Operations,
    private readonly scopes: RolloutScopes,
    private readonly rehearsals: RehearsalService,
  ) {}

  private get journal(): RolloutJournal {
    return new RolloutJournal(this.session.store.db);
  }

  /** Starts a rollout as a long operation (`rollouts.start`); refused before anything runs when a production connection is not confirmed. */
  start(input: RolloutRequestInput, actor: string, confirmation: Confirmation): RolloutStarted {
    const parsed = rolloutRequestSchema.safeParse(input);
    if (!parsed.success) throw new SwitchyardError('E_INVALID_INPUT', `Invalid rollout: ${parsed.error.issues.map((i) => i.message).join('; ')}.`);
    const request = parsed.data;
    const { projectId, databases: scoped } = this.scopes.databases(request);
    if (scoped.length === 0) {
      throw new SwitchyardError('E_INVALID_INPUT', `The ${rolloutScope(request)} has no connections: there is nothing to roll out to. Nothing was run.`);
    }
    const plan = this.scopes.perDatabase(request);
    const rank = (d: RolloutDatabase) => (plan === null ? 0 : plan.findIndex((p) => p.role === d.role));
    // With bindings the rows come role by role, in the order they run.
    const databases = plan === null ? scoped : [...scoped].sort((a, b) => rank(a) - rank(b));
    const targets = new Map<string, PassTarget>();
    for (const d of databases) {
      try {
        targets.set(d.profileId, this.placedTarget(d, plan, request));
      } catch (error) {
        throw new SwitchyardError((error as SwitchyardError).code, `${(error as SwitchyardError).message} Nothing was run.`);
      }
    }
    this.confirm(request, [...targets.values()], confirmation);
    const now = new Date().toISOString();
    const items: RolloutItem[] = databases.map((d, position) => ({
      profileId: d.profileId,
      name: targets.get(d.profileId)!.name,
      ...(d.role === undefined ? {} : { role: d.role }),
      position,
      state: 'waiting',
      applied: [],
      passes: 0,
    }));
    const rollout: Rollout = {
      id: randomUUID(),
      request,
      scope: rolloutScope(request),
      state: 'running',
      actor,
      createdAt: now,
      updatedAt: now,
      items,
      counts: rolloutCounts(items),
    };
    this.journal.create(rollout, projectId, { pid: process.pid, host: hostname() });
    this.session.store.audit.append({
      actor,
      action: 'rollout.start',
      target: rollout.scope,
      detail: {
        rolloutId: rollout.id,
        to: request.to,
        databases: items.length,
        concurrency: request.concurrency,
        continueOnError: request.continueOnError,
        rehearsal: request.rehearsal,
      },
    });
    return this.drive('rollouts.start', rollout, items, targets, plan, actor);
  }

  /** Resumes a rollout that failed, was cancelled or was cut off: every database not done runs again, planned from what it has applied. */
  resume(idOrLast: string, actor: string, confirmation: Confirmation): RolloutStarted {
    const rollout = this.get(idOrLast);
    if (rollout.state === 'running') {
      throw new SwitchyardError(
        'E_LOCK_HELD',
        `Rollout ${rollout.id} is still running${rollout.owner ? ` (process ${rollout.owner.pid} on ${rollout.owner.host})` : ''}: it cannot be resumed twice. Nothing was run.`,
      );
    }
    const remaining = rollout.items.filter((item) => item.state !== 'done');
    if (remaining.length === 0) throw new SwitchyardError('E_INVALID_INPUT', `Rollout ${rollout.id} is done on every database: there is nothing to resume.`);
    const targets = new Map<string, PassTarget>();
    const unreachable: RolloutItem[] = [];
    // The split of the target as the project's bindings are now: refused (nothing run) when it cannot be made.
    const plan = this.scopes.perDatabase(rollout.request);
    for (const item of remaining) {
      try {
        targets.set(item.profileId, this.placedTarget(this.scopes.databaseOf(rollout.request, item.profileId), plan, rollout.request));
      } catch (error) {
        // A connection removed since: said on its row, never silently left out.
        Object.assign(item, {
          state: 'failed',
          failure: { code: error instanceof SwitchyardError ? error.code : 'E_INTERNAL', message: String((error as Error).message) },
        });
        unreachable.push(item);
      }
    }
    this.confirm(rollout.request, [...targets.values()], confirmation);
    const journal = this.journal;
    for (const item of unreachable) journal.writeItem(rollout.id, item);
    journal.setState(rollout.id, 'running', new Date().toISOString(), { owner: { pid: process.pid, host: hostname() } });
    this.session.store.audit.append({
      actor,
      action: 'rollout.resume',
      target: rollout.scope,
      detail: { rolloutId: rollout.id, to: rollout.request.to, databases: targets.size, was: rollout.state },
    });
    const { owner: _owner, ...resumed } = rollout;
    return this.drive(
      'rollouts.resume',
      { ...resumed, state: 'running' },
      remaining.filter((item) => targets.has(item.profileId)),
      targets,
      plan,
      actor,
    );
  }

  /** Newest first; a rollout found running whose process is gone is marked interrupted. */
  list(limit = 100): RolloutListing[] {
    return this.journal.list(limit).map((rollout) => {
      const { items: _items, owner: _owner, ...listing } = this.settled(rollout);
      return listing;
    });
  }

  /** One rollout by id (or a prefix of it, or `last`), with its rows. */
  get(idOrLast: string): JournalledRollout {
    const journal = this.journal;
    const id = idOrLast === 'last' ? journal.last() : journal.find(idOrLast);
    if (!id) throw new SwitchyardError('E_NOT_FOUND', 'There is no rollout yet: start one with `switchyard rollout --project NAME --env ENV --to TARGET`.');
    return this.settled(journal.get(id));
  }

  export(idOrLast: string, format: RolloutExportFormat): RolloutExport {
    const { owner: _owner, ...rollout } = this.get(idOrLast);
    return rolloutExport(rollout, format);
  }

  /** A rollout journalled as running with no live process is interrupted: said so in the store, and its cut-off rows too. */
  private settled(rollout: JournalledRollout): JournalledRollout {
    if (rollout.state !== 'running' || runningHere.has(rollout.id) || ownerAlive(rollout.owner)) return rollout;
    this.journal.markInterrupted(rollout.id, new Date().toISOString());
    return { ...rollout, state: 'interrupted', items: rollout.items.map((item) => (item.state === 'running' ? { ...item, state: 'interrupted' } : item)) };
  }

  /** A database's connection as the pass runs it, with its role's part of the target on a project with bindings. */
  private placedTarget(database: RolloutDatabase, plan: PerDatabasePlan | null, request: RolloutRequest): PassTarget {
    const { target } = this.targets.resolve(database.ref);
    return { ref: database.ref, name: target.name, environment: target.environment, ...placed(database, plan, target.name, request.project) };
  }

  private confirm(request: RolloutRequest, targets: PassTarget[], confirmation: Confirmation): void {
    const production = targets.filter((t) => t.environment === 'prod').map((t) => t.name);
    const refusal = rolloutConfirmationRefusal(request, production, confirmation.typedName);
    if (refusal) throw new SwitchyardError('E_CONFIRMATION_REQUIRED', `${refusal} Nothing was changed.`);
  }

  private drive(
    method: 'rollouts.start' | 'rollouts.resume',
    rollout: Rollout,
    pass: RolloutItem[],
    targets: Map<string, PassTarget>,
    plan: PerDatabasePlan | null,
    actor: string,
  ): RolloutStarted {
    const { request } = rollout;
    runningHere.add(rollout.id);
    const started = this.operations.start(method, async (operation: OperationContext<typeof method>) => {
      const journal = this.journal;
      let state: RolloutState = 'failed';
      try {
        operation.log(
          'info',
          `Rollout ${rollout.id}: ${request.to} on ${pass.length} database${pass.length === 1 ? '' : 's'} of the ${rollout.scope}, ${request.concurrency} at a time.`,
        );
        const total = pass.length;
        let finished = 0;
        const changed = (item: RolloutItem, journalled: boolean) => {
          if (journalled) journal.writeItem(rollout.id, item);
          if (journalled && item.finishedAt && item.state !== 'running') finished += 1;
          operation.progress(Math.min(finished, total), total, `${item.name}: ${item.state}`, { rolloutId: rollout.id, item: { ...item } });
        };
        const run: PassRun = { request, operation, targets, actor, plan, changed, readProject: fleetProjects() };
        state = (await this.rehearseFirst(rollout, pass, run)) ? await this.runPhases(pass, run) : 'failed';
      } finally {
        // Whatever ended the pass, the rollout's state says it (a store failure leaves it interrupted, resumable).
        const finishedAt = new Date().toISOString();
        journal.setState(rollout.id, state, finishedAt, { finishedAt });
        runningHere.delete(rollout.id);
      }
      const { owner: _owner, ...done } = journal.get(rollout.id);
      this.session.store.audit.append({
        actor,
        action: `rollout.${state}`,
        target: done.scope,
        detail: {
          rolloutId: done.id,
          to: request.to,
          counts: done.counts,
          databases: done.items.map((i) => ({
            name: i.name,
            state: i.state,
            applied: i.applied.length,
            ...(i.failure ? { failure: i.failure.message } : {}),
            ...(i.rehearsal ? { rehearsal: i.rehearsal.state } : {}),
          })),
        },
      });
      return done;
    });
    return { ...started, rolloutId: rollout.id };
  }

  /**
   * The pass's rehearsals before any of its databases runs, each row's kept in the journal: the
   * staging and production databases the request's mode picks (the first of each role, or each)
   * rehearse their own part of the target on their own clones in order, reusing a rehearsal of the same
   * plan on the same schema; the others say why they had none. False when one failed: its row says
   * where on the clone, every row of the pass is left not started, nothing ran anywhere.
   */
  private async rehearseFirst(rollout: Rollout, pass: RolloutItem[], { request, operation, targets, actor, plan, changed }: PassRun): Promise<boolean> {
    const guarded = (item: RolloutItem) => rehearsesUnder('protected', targets.get(item.profileId)!.environment as Environment);
    const planOf = (item: RolloutItem) => targets.get(item.profileId)!.runTo ?? [request.to];
    const chosen: RolloutItem[] = [];
    for (const items of plan === null ? [pass] : byRole(pass, targets, plan)) {
      const candidates = items.filter((item) => guarded(item) && planOf(item).length > 0);
      chosen.push(...(request.rehearsal === 'each' ? candidates : request.rehearsal === 'canary' ? candidates.slice(0, 1) : []));
    }
    for (const item of pass) {
      if (chosen.includes(item)) continue;
      const canary = chosen.find((c) => targets.get(c.profileId)?.role === targets.get(item.profileId)?.role);
      item.rehearsal = !guarded(item)
        ? { state: 'notAsked', why: 'neither staging nor production' }
        : request.rehearsal === 'skip'
          ? { state: 'skipped', why: 'the rollout was started without rehearsals (--no-rehearse)' }
          : planOf(item).length === 0
            ? { state: 'nothing' }
            : {
                state: 'notAsked',
                why: `${canary?.name ?? 'the first database'} rehearsed for ${item.role === undefined ? 'the fleet' : `the ${item.role} databases`} (canary)`,
              };
      changed(item, true);
    }
    if (request.rehearsal === 'skip' && pass.some(guarded)) {
      operation.log('warn', 'Not rehearsed: --no-rehearse given (the staging and production databases of a rollout rehearse on a clone first by default).');
    }
    if (chosen.length === 0) return true;
    operation.log('info', `Rehearsing ${chosen.map((i) => i.name).join(', ')} on ${chosen.length === 1 ? 'a clone' : 'clones'} before any database runs…`);
    // The clone's own revisions are not the rollout's progress: each row says how its rehearsal goes.
    const quiet: OperationContext = { ...operation, progress: () => undefined };
    const states = await rehearseDatabases(
      this.rehearsals,
      chosen.map((item) => {
        const target = targets.get(item.profileId)!;
        return {
          ...(item.role === undefined ? {} : { role: item.role }),
          profileName: item.name,
          environment: target.environment as Environment,
          ref: target.ref,
          targets: planOf(item),
        };
      }),
      'upgrade',
      'protected',
      {
        operation: quiet,
        actor,
        beforeRun: true,
        onState: (index, state) => {
          const item = chosen[index] as RolloutItem;
          item.rehearsal = state === 'rehearsing' ? { state } : rehearsalOutcomeOf(state);
          changed(item, state !== 'rehearsing');
        },
      },
    );
    const failedAt = states.findIndex((s: BoundDatabaseRehearsal) => s.state === 'failed');
    this.session.store.audit.append({
      actor,
      action: failedAt === -1 ? 'rollout.rehearse' : 'rollout.rehearse.failed',
      target: rollout.scope,
      detail: {
        rolloutId: rollout.id,
        to: request.to,
        mode: request.rehearsal,
        databases: pass.map((i) => ({ name: i.name, ...(i.role === undefined ? {} : { role: i.role }), rehearsal: i.rehearsal })),
      },
    });
    if (failedAt === -1) return true;
    const failed = chosen[failedAt] as RolloutItem;
    const where = failed.rehearsal ? rehearsalOutcomeSentence(failed.rehearsal) : 'the rehearsal failed';
    failed.state = 'failed';
    failed.failure = {
      ...(failed.rehearsal?.failure ?? { code: 'E_REHEARSAL_FAILED' }),
      code: 'E_REHEARSAL_FAILED',
      message: `the rehearsal on a clone failed, so nothing ran on it or on any other database: ${failed.rehearsal?.failure?.message ?? 'unknown failure'}`,
    };
    failed.finishedAt = new Date().toISOString();
    changed(failed, true);
    for (const item of pass) {
      if (item === failed) continue;
      item.state = 'skipped';
      changed(item, true);
    }
    operation.log('error', `${failed.name}: ${where}. Nothing ran on any database of the rollout.`);
    return false;
  }

  /**
   * Without bindings one pass over every database. With bindings one pass per role in the bindings'
   * order (a coordinated upgrade's order): the next role's databases start when every database of the
   * one before is done; otherwise (unless continueOnError) they are skipped, and said.
   */
  private async runPhases(pass: RolloutItem[], run: PassRun): Promise<RolloutState> {
    const { request, operation, targets, plan, changed } = run;
    if (plan === null) return this.runPass(pass, run);
    const phases = byRole(pass, targets, plan).map((items, i) => ({ role: (plan[i] as PerDatabasePlan[number]).role, items }));
    let stoppedAt: string | undefined;
    let cancelled = false;
    for (const { role, items } of phases) {
      if (items.length === 0) continue;
      if (stoppedAt !== undefined || cancelled) {
        for (const item of items) {
          item.state = 'skipped';
          changed(item, true);
        }
        operation.log(
          'warn',
          `The ${role} database${items.length === 1 ? '' : 's'} did not start: ${cancelled ? 'the rollout was cancelled' : `a ${stoppedAt} database did not finish, and ${stoppedAt} runs before ${role}`}.`,
        );
        continue;
      }
      operation.log('info', `The ${role} database${items.length === 1 ? '' : 's'}: ${items.map((i) => i.name).join(', ')}.`);
      const state = await this.runPass(items, run);
      if (state === 'cancelled') cancelled = true;
      else if (state !== 'done' && !request.continueOnError) stoppedAt = role;
    }
    if (cancelled) return 'cancelled';
    return pass.every((item) => item.state === 'done') ? 'done' : 'failed';
  }

  private runPass(pass: RolloutItem[], { request, operation, targets, actor, changed, readProject }: PassRun): Promise<RolloutState> {
    return runFleet(
      pass,
      { concurrency: request.concurrency, continueOnError: request.continueOnError, signal: operation.signal, opId: operation.opId },
      {
        runDatabase: async (item, context) => {
          const target = targets.get(item.profileId)!;
          const steps: RunResult['steps'] = [];
          // With bindings its own part of the target (its heads in turn; none: the target is not on it).
          for (const to of target.runTo ?? [request.to]) {
            // The rollout was confirmed as a whole (confirm above): each run carries its connection's name as typed.
            const run = await this.runner.runWithin(
              target.ref,
              { action: 'upgrade', to },
              actor,
              { confirmation: { typedName: target.name }, lockTimeoutMs: request.lockTimeoutMs, readProject },
              context,
            );
            steps.push(...run.steps);
          }
          return steps;
        },
        changed,
        log: (level, line) => operation.log(level, line),
      },
    );
  }
}
