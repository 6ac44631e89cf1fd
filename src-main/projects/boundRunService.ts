// A project with bindings, per database: the status of each bound database of an environment (read
// through its own connection, narrowed to its own branch), and the coordinated run: an upgrade or a
// downgrade split into each database's targets, run one database after another through the runner
// (each run checked, locked and audited as a run), stopping all at the first failure. Before the
// first database runs, each database's plan is rehearsed on its own clone (by default those on staging
// and production connections; a failed rehearsal runs nothing anywhere) and, when asked, a snapshot of
// each is taken. The whole coordinated run is audited once more, with what each database ran, its
// rehearsal and its snapshot, and which did not start.
import { SwitchyardError, toWireError, type WireError } from '../../src-shared/errors';
import type { TargetRef } from '../../src-shared/model/targetRef';
import type { MemberTarget, Project } from '../../src-shared/model/project';
import type {
  BoundConnection,
  BoundDatabaseRehearsal,
  BoundPreview,
  BoundPreviewDatabase,
  BoundPreviewInput,
  BoundRehearsalResult,
  BoundRehearsalStanding,
  BoundRunDatabase,
  BoundRunInput,
  BoundRunResult,
  BoundStatus,
} from '../../src-shared/model/boundRun';
import { boundRehearsalLine, boundRunLine } from '../../src-shared/model/boundRun';
import type { OperationStarted } from '../../src-shared/model/operation';
import type { MigrationStatus } from '../../src-shared/model/status';
import { bindingOwnership, type BindingAnomaly, type BindingOwnership } from '../../src-shared/projects/bindingOwnership';
import { boundPlan } from '../../src-shared/projects/bindingPlan';
import { databaseStanding } from '../../src-shared/projects/boundStatus';
import { loadProject, type LoadedProject } from '../migrations/project';
import type { OperationContext, Operations } from '../operations/operations';
import type { RehearsalService } from '../runner/rehearsal/rehearsalService';
import type { RunnerService } from '../runner/runnerService';
import type { StoreSession } from '../session/storeSession';
import { databaseName, databaseRequests, rehearsalAuditSummary, rehearseDatabases, rehearsesUnder, type DatabaseToRehearse } from './boundRehearsals';
import { sameName } from './checkedModel';
import type { ProjectService } from './projectService';

/** A bound database with the member that plays its role in the environment (none: the role is unfilled; several: ambiguous). */
interface BoundMember extends BoundConnection {
  members: MemberTarget[];
}

function connectionOf(role: string, labels: string[], members: MemberTarget[]): BoundMember {
  const playing = members.filter((m) => sameName(m.role, role));
  const only = playing.length === 1 ? playing[0] : undefined;
  return { role, labels, profileId: only?.profileId ?? null, profileName: only?.profileName ?? null, members: playing };
}

/** Why a database cannot be reached as one connection, or undefined when it can. */
function memberProblem(database: BoundMember, project: Project, environment: string): SwitchyardError | undefined {
  if (database.members.length === 1) return undefined;
  if (database.members.length === 0) {
    return new SwitchyardError(
      'E_NOT_FOUND',
      `No connection plays the role ${database.role} in the environment ${environment} of the project ${project.name}: give it one with switchyard projects env ${project.name} ${environment} ${database.role}=PROFILE.`,
    );
  }
  return new SwitchyardError(
    'E_INVALID_INPUT',
    `${database.members.length} connections play the role ${database.role} in the environment ${environment} of the project ${project.name} (${database.members.map((m) => m.profileName).join(', ')}): a bound database is one connection.`,
  );
}

/** A coordinated run under way: what it was asked, the databases in run order with their targets, its result so far. */
interface CoordinatedRun {
  input: BoundRunInput;
  actor: string;
  project: Project;
  ordered: Array<BoundMember & { targets: string[] }>;
  result: BoundRunResult;
  operation: OperationContext;
}

/** The run's record for the audit log: each database's rehearsal in brief (each rehearsal is audited whole on its own) and its snapshot's id and name. */
function audited(result: BoundRunResult): Record<string, unknown> {
  return {
    ...result,
    databases: result.databases.map(({ rehearsal, snapshot, ...d }) => ({
      ...d,
      rehearsal: rehearsalAuditSummary(rehearsal),
      ...(snapshot ? { snapshot: { id: snapshot.id, name: snapshot.name } } : {}),
    })),
  };
}

export class BoundRunService {
  constructor(
    private readonly projects: ProjectService,
    private readonly runner: RunnerService,
    private readonly operations: Operations,
    private readonly session: StoreSession,
    private readonly rehearsals: RehearsalService,
  ) {}

  /** Whether the project runs per database (it has bindings). */
  isBound(project: string): boolean {
    return this.projects.get(project).bindings.length > 0;
  }

  /**
   * Each bound database of the environment with the connection that plays its role (its ref), or why
   * none can (no connection plays it, several do), in the bindings' order; with the binding anomalies.
   */
  connections(
    projectName: string,
    environment: string,
  ): {
    project: string;
    environment: string;
    databases: Array<BoundConnection & { ref?: TargetRef; error?: WireError }>;
    anomalies: BindingAnomaly[];
  } {
    const { project, env, ownership, databases } = this.prepare(projectName, environment);
    return {
      project: project.name,
      environment: env,
      databases: databases.map((database) => {
        const { members, ...connection } = database;
        const problem = memberProblem(database, project, env);
        return problem ? { ...connection, error: problem.toWire() } : { ...connection, ref: (members[0] as MemberTarget).ref };
      }),
      anomalies: ownership.anomalies,
    };
  }

  /** Each bound database's standing; one that cannot be read carries its error, the others are still read. */
  async status(projectName: string, environment: string): Promise<BoundStatus> {
    const { project, env, ownership, databases } = this.prepare(projectName, environment);
    const read = await Promise.all(
      databases.map(async (database) => {
        const { members, ...connection } = database;
        const problem = memberProblem(database, project, env);
        if (problem) return { ...connection, error: problem.toWire() };
        try {
          const status = await this.runner.status((members[0] as MemberTarget).ref);
          return { ...connection, standing: databaseStanding(ownership, database.role, status) };
        } catch (error) {
          return { ...connection, error: toWireError(error) };
        }
      }),
    );
    return { project: project.name, environment: env, databases: read, anomalies: ownership.anomalies };
  }

  /**
   * The coordinated run's dry run: each database's targets previewed through the runner on its own
   * connection (the exact SQL, the preflight findings), in run order; nothing changes. Refused as the
   * run is when the target cannot be split; a database that cannot be previewed carries its error.
   */
  async preview(input: BoundPreviewInput, actor: string): Promise<BoundPreview> {
    const { project, env, ownership, loaded, databases } = this.prepare(input.project, input.env);
    const plan = boundPlan(loaded.graph, ownership, input.action, input.to);
    const previews: BoundPreviewDatabase[] = [];
    for (const p of plan.databases) {
      const database = databases.find((d) => d.role === p.role) as BoundMember;
      const { members, ...connection } = database;
      const entry: BoundPreviewDatabase = { ...connection, targets: p.targets, steps: [], sql: '', findings: [] };
      previews.push(entry);
      const problem = memberProblem(database, project, env);
      if (problem) {
        entry.error = problem.toWire();
        continue;
      }
      const ref = (members[0] as MemberTarget).ref;
      try {
        const foreign = databaseStanding(ownership, p.role, await this.runner.status(ref)).foreign;
        if (foreign.length > 0) {
          throw new SwitchyardError(
            'E_BINDING_ANOMALY',
            `The ${p.role} database (${database.profileName}) records ${foreign.join(', ')}, which live${foreign.length === 1 ? 's' : ''} elsewhere: the run would be refused.`,
          );
        }
        const sql: string[] = [];
        for (const to of p.targets) {
          const preview = await this.runner.preview(ref, { action: input.action, to }, actor);
          if (p.targets.length > 1) sql.push(`-- ${input.action} to ${to} (a revision shared with an earlier head runs once, with the first)`);
          sql.push(preview.sql);
          entry.findings.push(...preview.findings);
          for (const step of preview.steps) if (!entry.steps.includes(step.revision)) entry.steps.push(step.revision);
        }
        entry.sql = sql.join('\n');
      } catch (error) {
        entry.error = toWireError(error);
      }
    }
    return { project: project.name, environment: env, action: input.action, to: input.to, databases: previews };
  }

  /**
   * The coordinated run as a long operation (op.done: the BoundRunResult). Refused before anything
   * runs when the target cannot be split (E_BINDING_ANOMALY, E_AMBIGUOUS_REVISION…), a role has no
   * single connection, a database records another database's revisions, or a production connection
   * is among them and the environment's name was not typed.
   */
  run(input: BoundRunInput, actor: string): OperationStarted {
    const prepared = this.prepare(input.project, input.env);
    const { project, env, ownership, loaded, databases } = prepared;
    const plan = boundPlan(loaded.graph, ownership, input.action, input.to);
    for (const database of databases) {
      const problem = memberProblem(database, project, env);
      if (problem) throw new SwitchyardError(problem.code, `${problem.message} Nothing was run.`);
    }
    const production = databases.filter((d) => this.session.store.profiles.get(d.profileId as string).environment === 'prod');
    if (production.length > 0 && !sameName(input.confirmation.typedName ?? '', env)) {
      throw new SwitchyardError(
        'E_CONFIRMATION_REQUIRED',
        `This run changes ${production.length === 1 ? 'a production connection' : `${production.length} production connections`} (${production.map((d) => d.profileName).join(', ')}): type the environment's name (${env}) to run it. Nothing was changed.`,
      );
    }
    const ordered = plan.databases.map((p) => ({ ...(databases.find((d) => d.role === p.role) as BoundMember), targets: p.targets }));
    return this.operations.start('bindings.run', (operation) => this.coordinated(input, actor, project, env, ownership, ordered, operation));
  }

  private prepare(projectName: string, environment: string) {
    const project = this.projects.get(projectName);
    const members = this.projects.memberTargets(project.name, environment);
    const env = project.environments.find((e) => sameName(e.name, environment))?.name ?? environment;
    const loaded: LoadedProject = loadProject(project.dir, { format: project.format === 'auto' ? undefined : project.format });
    const ownership = bindingOwnership(loaded.graph, project.bindings);
    const databases = ownership.databases.map((d) => connectionOf(d.role, d.labels, members));
    return { project, env, loaded, ownership, databases };
  }

  private async coordinated(
    input: BoundRunInput,
    actor: string,
    project: Project,
    env: string,
    ownership: BindingOwnership,
    ordered: Array<BoundMember & { targets: string[] }>,
    operation: OperationContext,
  ): Promise<BoundRunResult> {
    const before = await this.refuseForeign(ordered, ownership, input.action, input.to, 'run');
    const result: BoundRunResult = {
      project: project.name,
      environment: env,
      action: input.action,
      to: input.to,
      outcome: 'succeeded',
      databases: ordered.map(({ members: _members, ...d }) => ({ ...d, outcome: 'notStarted', ran: [] })),
    };
    const run: CoordinatedRun = { input, actor, project, ordered, result, operation };
    await this.rehearseBeforeRun(run);
    if (input.snapshotFirst) await this.snapshotsFirst(run);
    this.audit(actor, 'bindings.run.start', project, {
      environment: env,
      action: input.action,
      to: input.to,
      order: ordered.map((d) => d.role),
      rehearsal: input.rehearsal,
      rehearsals: Object.fromEntries(result.databases.map((d) => [d.role, rehearsalAuditSummary(d.rehearsal)])),
      snapshots: Object.fromEntries(result.databases.filter((d) => d.snapshot).map((d) => [d.role, d.snapshot?.id])),
    });
    for (const [index, database] of ordered.entries()) {
      const entry = result.databases[index] as BoundRunDatabase;
      const ref = (database.members[0] as MemberTarget).ref;
      try {
        for (const to of database.targets) {
          operation.checkpoint();
          operation.log('info', `${database.role} (${database.profileName}): ${input.action} to ${to}…`);
          const run = await this.runner.runWithin(
            ref,
            { action: input.action, to },
            actor,
            // Checked above for the whole environment (its name typed when a connection is production).
            {
              confirmation: { typedName: database.profileName as string },
              ...(input.lockTimeoutMs === undefined ? {} : { lockTimeoutMs: input.lockTimeoutMs }),
              schemaCheck: input.schemaCheck,
            },
            operation,
          );
          entry.ran.push(...run.steps.map((s) => s.revision));
          entry.heads = databaseStanding(ownership, database.role, run.status).heads;
        }
        entry.outcome = entry.ran.length > 0 ? 'done' : 'nothing';
        if (database.targets.length === 0) entry.heads = databaseStanding(ownership, database.role, before.get(database.role) as MigrationStatus).heads;
        operation.log('info', boundRunLine(entry));
      } catch (error) {
        entry.outcome = 'failed';
        entry.error = toWireError(error);
        const ran = await this.ranBeforeFailure(ref, ownership, database.role, before.get(database.role) as MigrationStatus, input.action);
        if (typeof ran === 'string') entry.error = { ...entry.error, message: `${entry.error.message} (${ran})` };
        else entry.ran = ran;
        result.outcome = 'failed';
        const lines = result.databases.map(boundRunLine);
        this.audit(actor, 'bindings.run.failed', project, audited(result));
        throw new SwitchyardError(entry.error.code, `The ${input.action} to "${input.to}" stopped at the ${database.role} database.\n${lines.join('\n')}`, {
          ...(typeof entry.error.detail === 'object' && entry.error.detail !== null ? entry.error.detail : {}),
          result,
        });
      }
    }
    this.audit(actor, 'bindings.run', project, audited(result));
    return result;
  }

  /**
   * Each database's rehearsal before anything runs on any of them (input.rehearsal), kept in the
   * result; a failed one, or under `required` one that did not succeed as it stands, refuses the whole
   * run (audited as failed, nothing run): E_REHEARSAL_FAILED naming the database and where it failed,
   * or E_NOT_REHEARSED naming each database without a rehearsal.
   */
  private async rehearseBeforeRun({ input, actor, project, ordered, result, operation }: CoordinatedRun): Promise<void> {
    const states = await rehearseDatabases(this.rehearsals, this.toRehearse(ordered), input.action, input.rehearsal, { operation, actor, beforeRun: true });
    result.databases.forEach((d, index) => (d.rehearsal = states[index] as BoundDatabaseRehearsal));
    const failed = result.databases.find((d) => d.rehearsal?.state === 'failed');
    const missing = result.databases.filter((d) => d.rehearsal?.state === 'missing');
    if (!failed && missing.length === 0) return;
    result.outcome = 'failed';
    this.audit(actor, 'bindings.run.failed', project, audited(result));
    const lines = result.databases.map((d) => boundRehearsalLine({ ...d, rehearsal: d.rehearsal as BoundDatabaseRehearsal }));
    if (failed) {
      throw new SwitchyardError(
        'E_REHEARSAL_FAILED',
        `The rehearsal of ${databaseName(failed)} failed on a clone, so the ${input.action} to "${input.to}" ran on no database.\n${lines.join('\n')}`,
        { role: failed.role, rehearsal: failed.rehearsal?.rehearsal, result },
      );
    }
    throw new SwitchyardError(
      'E_NOT_REHEARSED',
      `The ${input.action} to "${input.to}" ran on no database: ${missing.map(databaseName).join(' and ')} ${missing.length === 1 ? 'has' : 'have'} no successful rehearsal of this plan on the schema ${missing.length === 1 ? 'it has' : 'they have'} now. Rehearse first (switchyard ${input.action} --project ${project.name} --env ${result.environment} --rehearse), or run without --rehearsed.\n${lines.join('\n')}`,
      { missing: missing.map((d) => d.role), result },
    );
  }

  /** Every database that runs something, its snapshot taken before the first database runs; a failed one runs nothing (those taken are kept and said). */
  private async snapshotsFirst({ input, actor, project, ordered, result, operation }: CoordinatedRun): Promise<void> {
    for (const [index, database] of ordered.entries()) {
      const entry = result.databases[index] as BoundRunDatabase;
      const [first] = database.targets;
      if (first === undefined) continue;
      operation.checkpoint();
      try {
        entry.snapshot = await this.runner.snapshotBefore(
          (database.members[0] as MemberTarget).ref,
          { action: input.action, to: first, snapshotFirst: true, ...(input.endSessions ? { endSessions: true } : {}) },
          actor,
          // Checked for the whole environment before the operation started (its name typed when a connection is production).
          { confirmation: { typedName: database.profileName as string } },
          operation,
        );
      } catch (error) {
        const wire = toWireError(error);
        result.outcome = 'failed';
        entry.error = wire;
        this.audit(actor, 'bindings.run.failed', project, audited(result));
        const taken = result.databases.filter((d) => d.snapshot).map((d) => `${databaseName(d)}: "${d.snapshot?.name}" (${d.snapshot?.id})`);
        throw new SwitchyardError(
          wire.code,
          `The snapshot of ${databaseName(database)} could not be taken first, so the ${input.action} to "${input.to}" ran on no database: ${wire.message}${taken.length > 0 ? `\nSnapshots taken (kept): ${taken.join('; ')}` : ''}`,
          { role: database.role, result },
        );
      }
    }
  }

  private toRehearse(ordered: Array<BoundMember & { targets: string[] }>): DatabaseToRehearse[] {
    return ordered.map((d) => ({
      role: d.role,
      profileName: d.profileName,
      environment: this.session.store.profiles.get(d.profileId as string).environment,
      ref: (d.members[0] as MemberTarget).ref,
      targets: d.targets,
    }));
  }

  /**
   * The coordinated run's rehearsal alone, as a long operation (op.done: the BoundRehearsalResult):
   * every database on the target rehearses its plan on its own clone, whatever its environment, each
   * even after another failed; nothing runs on the databases. Refused before it starts as the run is.
   */
  rehearse(input: BoundPreviewInput, actor: string): OperationStarted {
    const { project, env, ownership, loaded, databases } = this.prepare(input.project, input.env);
    const plan = boundPlan(loaded.graph, ownership, input.action, input.to);
    for (const database of databases) {
      const problem = memberProblem(database, project, env);
      if (problem) throw new SwitchyardError(problem.code, `${problem.message} Nothing was rehearsed.`);
    }
    const ordered = plan.databases.map((p) => ({ ...(databases.find((d) => d.role === p.role) as BoundMember), targets: p.targets }));
    return this.operations.start('bindings.rehearse', async (operation) => {
      await this.refuseForeign(ordered, ownership, input.action, input.to, 'rehearsed');
      const states = await rehearseDatabases(this.rehearsals, this.toRehearse(ordered), input.action, 'first', { operation, actor, beforeRun: false });
      const result: BoundRehearsalResult = {
        project: project.name,
        environment: env,
        action: input.action,
        to: input.to,
        ok: states.every((s) => s.state !== 'failed'),
        databases: ordered.map(({ members: _members, ...d }, index) => ({ ...d, rehearsal: states[index] as BoundDatabaseRehearsal })),
      };
      this.audit(actor, result.ok ? 'bindings.rehearse' : 'bindings.rehearse.failed', project, {
        environment: env,
        action: input.action,
        to: input.to,
        rehearsals: Object.fromEntries(result.databases.map((d) => [d.role, rehearsalAuditSummary(d.rehearsal)])),
      });
      return result;
    });
  }

  /** Where each database's plan stands against its kept rehearsals, and whether a run rehearses it by default. */
  async rehearsalStanding(input: BoundPreviewInput): Promise<BoundRehearsalStanding> {
    const { project, env, ownership, loaded, databases } = this.prepare(input.project, input.env);
    const plan = boundPlan(loaded.graph, ownership, input.action, input.to);
    const read = await Promise.all(
      plan.databases.map(async (p) => {
        const database = databases.find((d) => d.role === p.role) as BoundMember;
        const { members, ...connection } = database;
        const entry = { ...connection, targets: p.targets, rehearsesByDefault: false };
        const problem = memberProblem(database, project, env);
        if (problem) return { ...entry, error: problem.toWire() };
        const environment = this.session.store.profiles.get(database.profileId as string).environment;
        const requests = databaseRequests(input.action, p.targets);
        if (!requests) return entry;
        try {
          const standing = await this.rehearsals.standing((members[0] as MemberTarget).ref, requests);
          return { ...entry, rehearsesByDefault: rehearsesUnder('protected', environment), standing };
        } catch (error) {
          return { ...entry, rehearsesByDefault: rehearsesUnder('protected', environment), error: toWireError(error) };
        }
      }),
    );
    return { project: project.name, environment: env, databases: read };
  }

  /**
   * Each database's status, read first under nobody's lock; E_BINDING_ANOMALY when one holds another
   * database's revisions (they would be reverted, planned or rehearsed on the wrong server).
   */
  private async refuseForeign(
    ordered: ReadonlyArray<BoundMember>,
    ownership: BindingOwnership,
    action: string,
    to: string,
    done: 'run' | 'rehearsed',
  ): Promise<Map<string, MigrationStatus>> {
    const before = new Map<string, MigrationStatus>();
    for (const d of ordered) before.set(d.role, await this.runner.status((d.members[0] as MemberTarget).ref));
    const foreign = ordered
      .map((d) => ({ d, ids: databaseStanding(ownership, d.role, before.get(d.role) as MigrationStatus).foreign }))
      .filter((f) => f.ids.length > 0);
    if (foreign.length > 0) {
      const said = foreign.map(
        (f) => `the ${f.d.role} database (${f.d.profileName}) records ${f.ids.join(', ')}, which live${f.ids.length === 1 ? 's' : ''} elsewhere`,
      );
      throw new SwitchyardError('E_BINDING_ANOMALY', `The ${action} to "${to}" was not ${done} on any database: ${said.join('; ')}.`, {
        foreign: foreign.map((f) => ({ role: f.d.role, revisions: f.ids })),
      });
    }
    return before;
  }

  /** What a failed database ran before its failure: its standing now against before (each revision commits on its own). */
  private async ranBeforeFailure(
    ref: MemberTarget['ref'],
    ownership: BindingOwnership,
    role: string,
    before: MigrationStatus,
    action: string,
  ): Promise<string[] | string> {
    try {
      const after = databaseStanding(ownership, role, await this.runner.status(ref)).applied;
      const was = databaseStanding(ownership, role, before).applied;
      return action === 'upgrade' ? after.filter((id) => !was.includes(id)) : was.filter((id) => !after.includes(id));
    } catch (error) {
      return `what it ran before the failure could not be read: ${toWireError(error).message}`;
    }
  }

  private audit(actor: string, action: string, project: Project, detail: Record<string, unknown>): void {
    this.session.store.audit.append({ actor, action, target: `project:${project.name}`, detail });
  }
}
