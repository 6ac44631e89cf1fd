// The runner as the API and the CLI use it: status of a connection against its project, previews
// (plan, SQL, preflight), and runs as long operations.
import { SwitchyardError } from '../../src-shared/errors';
import type { OperationStarted } from '../../src-shared/model/operation';
import type { Snapshot } from '../../src-shared/model/reset';
import type { ProjectFormat } from '../../src-shared/model/revision';
import type { AdoptionPreview, AdoptionResult, RunFailureDetail, RunPreview, RunRequest, RunResult } from '../../src-shared/model/run';
import type { Confirmation } from '../../src-shared/model/confirmation';
import type { RunRehearsal } from '../../src-shared/model/rehearsal';
import { schemaCheckLines, schemaCheckSummary } from '../../src-shared/model/schemaCheck';
import type { MigrationStatus } from '../../src-shared/model/status';
import type { TargetRef } from '../../src-shared/model/targetRef';
import type { Driver } from '../drivers/driver';
import type { LoadedProject } from '../migrations/project';
import type { OperationContext, Operations } from '../operations/operations';
import type { SnapshotService } from '../reset/snapshots';
import type { StoreSession } from '../session/storeSession';
import { loadTargetProject, type MigrationTarget } from '../targets/migrationTarget';
import type { TargetResolver } from '../targets/targetResolver';
import { requireConfirmation } from '../targets/requireConfirmation';
import { withDriver } from '../targets/withDriver';
import { previewAlembic, runAlembic } from './alembicRun';
import { adopt, adoptionPreview } from './adopt';
import { destructionOf } from './destruction';
import { previewSql, runSql, type RunOptions, type SqlProject } from './sqlRun';
import { checkBeforeRun } from './preflight';
import type { RehearsalGate } from './rehearsal/rehearsalGate';
import type { SchemaChecks } from './schemaCheckGate';
import { targetStatus } from './targetStatus';

/** Switchyard runs the SQL of most formats itself; a tool format (Alembic) runs through its own command. */
function byRunner<T>(project: LoadedProject, sql: (project: SqlProject) => Promise<T>, tool: () => Promise<T>): Promise<T> {
  return project.format.runner === 'sql' ? sql(project as SqlProject) : tool();
}

export function previewTarget(target: MigrationTarget, request: RunRequest, actor: string): Promise<RunPreview> {
  const project = loadTargetProject(target);
  return withDriver(target, async (driver) => {
    const preview = await byRunner(
      project,
      (sqlProject) => previewSql(driver, target, sqlProject, request, actor),
      () => previewAlembic(driver, target, project, request),
    );
    return { ...preview, destruction: await destructionOf(driver, project, request) };
  });
}

/** Takes a snapshot of the run's database through the snapshot service, which records and audits it. */
export type TakeSnapshot = (name: string) => Promise<Snapshot>;

async function snapshotFirst(target: MigrationTarget, request: RunRequest, options: RunOptions, take: TakeSnapshot | undefined): Promise<Snapshot> {
  if (!take) {
    throw new SwitchyardError(
      'E_INVALID_INPUT',
      `A snapshot first is recorded in Switchyard's store, which is not open: set SWITCHYARD_PASSPHRASE, or run without --snapshot-first. Nothing was run.`,
    );
  }
  // A run that will be refused must not copy the database, let alone end its sessions for the copy.
  await withDriver(target, (driver) => checkBeforeRun(driver, target, options.confirmProduction));
  options.operation?.log('info', `Taking a snapshot of ${target.name} first…`);
  const snapshot = await take(`Before ${request.action} to ${request.to}`);
  options.operation?.log('info', `Snapshot “${snapshot.name}” taken: restoring it undoes this run.`);
  return snapshot;
}

/** What a run may be given besides its options. */
export interface RunExtras {
  /** The project as read already (a fleet rollout reads it once for all its databases); else its files are read now. */
  project?: LoadedProject;
  /** Work on the result through the run's own connection, once the run has released its lock (the schema check after it). */
  afterwards?: (result: RunResult, driver: Driver) => Promise<RunResult>;
}

/** `take`: how a snapshot is taken when the request asks for one first (the store must be open). */
export async function runTarget(
  target: MigrationTarget,
  request: RunRequest,
  options: RunOptions,
  take?: TakeSnapshot,
  { project = loadTargetProject(target), afterwards }: RunExtras = {},
): Promise<RunResult> {
  const snapshot = request.snapshotFirst ? await snapshotFirst(target, request, options, take) : undefined;
  try {
    const result = await withDriver(
      target,
      async (driver) => {
        const ran = await byRunner(
          project,
          (sqlProject) => runSql(driver, target, sqlProject, request, options),
          () => runAlembic(driver, target, project, request, options),
        );
        return afterwards ? afterwards(ran, driver) : ran;
      },
      true,
    );
    return snapshot ? { ...result, snapshot } : result;
  } catch (error) {
    if (!snapshot) throw error;
    options.operation?.log(
      'warn',
      `The run failed; snapshot “${snapshot.name}” (${snapshot.id}) is kept: restoring it brings back the database as it was before.`,
    );
    // The failure carries the snapshot, so whoever shows it can offer the restore (RunFailureDetail).
    if (!(error instanceof SwitchyardError)) throw error;
    const detail: RunFailureDetail = { ...(typeof error.detail === 'object' && error.detail !== null ? error.detail : {}), snapshot };
    throw new SwitchyardError(error.code, error.message, detail);
  }
}

export class RunnerService {
  constructor(
    private readonly targets: TargetResolver,
    private readonly session: StoreSession,
    private readonly operations: Operations,
    private readonly snapshots: SnapshotService,
    private readonly rehearsals: RehearsalGate,
    /** The schema check after a run; absent, runs say they were not checked. */
    private readonly schemaChecks?: SchemaChecks,
  ) {}

  status(ref: TargetRef): Promise<MigrationStatus> {
    return targetStatus(this.targets.resolve(ref).target);
  }

  /**
   * `prepareCheck`: also start replaying, in the background, what the migrations make once the plan ran,
   * so the check after the run is a read (the run dialog, whose user reads the preview first; never a
   * CLI process, which may exit before the replay ends).
   */
  async preview(ref: TargetRef, request: RunRequest, actor: string, { prepareCheck = false }: { prepareCheck?: boolean } = {}): Promise<RunPreview> {
    const preview = await previewTarget(this.targets.resolve(ref).target, request, actor);
    if (prepareCheck && request.action !== 'stamp') this.schemaChecks?.prepare(ref, preview.steps);
    return preview;
  }

  /** What `adopt` would write: `from`'s recorded history in the project format's own bookkeeping. */
  adoptionPreview(ref: TargetRef, from: ProjectFormat, actor: string): Promise<AdoptionPreview> {
    const { target } = this.targets.resolve(ref);
    const project = loadTargetProject(target);
    return withDriver(target, (driver) => adoptionPreview(driver, project, from, actor));
  }

  /** Writes the adoption in one transaction; on production the connection's name is typed (`confirmation`). */
  adopt(ref: TargetRef, from: ProjectFormat, actor: string, { confirmation }: { confirmation: Confirmation }): Promise<AdoptionResult> {
    const { target } = this.targets.resolve(ref);
    requireConfirmation({ connection: target.name, environment: target.environment, what: `record ${from}'s history on it` }, confirmation);
    const project = loadTargetProject(target);
    const audit = this.session.status().locked ? undefined : this.session.store.audit;
    return withDriver(target, (driver) =>
      adopt(driver, target, project, from, { actor, confirmProduction: true, ...(audit ? { audit: (record) => audit.append(record) } : {}) }),
    );
  }

  /**
   * On production the connection's name is typed (`confirmation`), checked here before anything
   * runs. `lockTimeoutMs`: how long to wait for another run's lock (the CLI's --lock-timeout).
   * `rehearsal`: rehearse on a clone first (stopping at its failure), or refuse unless this plan
   * succeeded on this schema already (E_NOT_REHEARSED); checked inside the operation, before anything runs.
   * `schemaCheck: false`: no comparison of the whole schema after the run (the result says it was skipped).
   */
  run(
    ref: TargetRef,
    request: RunRequest,
    actor: string,
    {
      confirmation,
      lockTimeoutMs,
      rehearsal,
      schemaCheck = true,
    }: { confirmation: Confirmation; lockTimeoutMs?: number; rehearsal?: RunRehearsal; schemaCheck?: boolean },
  ): OperationStarted {
    const { target, options, take } = this.prepareRun(ref, request, actor, { confirmation, ...(lockTimeoutMs === undefined ? {} : { lockTimeoutMs }) });
    return this.operations.start('runner.run', async (operation) => {
      if (rehearsal) await this.rehearsals.beforeRun(target, request, rehearsal, operation, actor);
      return runTarget(target, request, { ...options, operation }, take, {
        afterwards: (result, driver) => this.checked(ref, result, operation, schemaCheck, driver),
      });
    });
  }

  /**
   * The same run, checked and audited as `run`, inside an operation another service started (a fleet
   * rollout's database): its progress, log and cancellation are `operation`'s. `readProject`: how the
   * target's project is read (a fleet reads it once for all its databases); else from its files now.
   */
  async runWithin(
    ref: TargetRef,
    request: RunRequest,
    actor: string,
    {
      confirmation,
      lockTimeoutMs,
      schemaCheck = true,
      readProject,
    }: { confirmation: Confirmation; lockTimeoutMs?: number; schemaCheck?: boolean; readProject?: (target: MigrationTarget) => LoadedProject },
    operation: OperationContext,
  ): Promise<RunResult> {
    const { target, options, take } = this.prepareRun(ref, request, actor, { confirmation, ...(lockTimeoutMs === undefined ? {} : { lockTimeoutMs }) });
    return runTarget(target, request, { ...options, operation }, take, {
      ...(readProject ? { project: readProject(target) } : {}),
      afterwards: (result, driver) => this.checked(ref, result, operation, schemaCheck, driver),
    });
  }

  /**
   * The snapshot a run with `request.snapshotFirst` takes before its first statement, taken alone inside
   * `operation` (a coordinated run takes every database's before the first database runs): refused
   * as that run would be first, recorded and audited by the snapshot service.
   */
  snapshotBefore(
    ref: TargetRef,
    request: RunRequest,
    actor: string,
    { confirmation }: { confirmation: Confirmation },
    operation: OperationContext,
  ): Promise<Snapshot> {
    const { target, options, take } = this.prepareRun(ref, request, actor, { confirmation });
    return snapshotFirst(target, request, { ...options, operation }, take);
  }

  /**
   * The run's result with the check of the whole schema after it: what the migrations make at what the
   * database has applied now, against the database read through the run's own connection (after the
   * run's lock is released, so nothing waits on it; no second connection to open).
   */
  private async checked(ref: TargetRef, result: RunResult, operation: OperationContext, wanted: boolean, reader: Driver): Promise<RunResult> {
    const checks = this.schemaChecks;
    const notChecked = (why: string): RunResult => ({ ...result, schemaCheck: { checked: false, why } });
    if (!wanted) return notChecked('skipped when the run was started');
    if (result.steps.length === 0) return notChecked('nothing ran');
    if (result.request.action === 'stamp') return notChecked('a stamp runs no SQL (the schema is what it was; switchyard drift compares it)');
    if (!checks) return notChecked('no schema check in this process');
    operation.log('info', 'Checking the schema against what the migrations make…');
    const schemaCheck = await checks.afterRun(ref, result.status.applied, reader);
    operation.log(schemaCheck.checked && schemaCheck.report.objects.length === 0 ? 'info' : 'warn', schemaCheckSummary(schemaCheck));
    for (const line of schemaCheckLines(schemaCheck)) operation.log('warn', `  ${line}`);
    return { ...result, schemaCheck };
  }

  private prepareRun(
    ref: TargetRef,
    request: RunRequest,
    actor: string,
    { confirmation, lockTimeoutMs }: { confirmation: Confirmation; lockTimeoutMs?: number },
  ): { target: MigrationTarget; options: RunOptions; take: TakeSnapshot | undefined } {
    const scope = this.targets.resolve(ref);
    const { target } = scope;
    requireConfirmation(
      { connection: target.name, environment: target.environment, what: `${request.action === 'stamp' ? 'stamp' : `run this ${request.action}`} on it` },
      confirmation,
    );
    // A --url run from the CLI without the store's passphrase is not audited, and has nowhere to record a snapshot first.
    const audit = this.session.status().locked ? undefined : this.session.store.audit;
    // Confirmed above; the run's own preflight keeps its check for the callers that confirm elsewhere (a reset's migrate step).
    const options: RunOptions = {
      actor,
      confirmProduction: true,
      ...(lockTimeoutMs === undefined ? {} : { lockTimeoutMs }),
      ...(audit ? { audit: (record) => audit.append(record) } : {}),
    };
    const take: TakeSnapshot | undefined = audit
      ? (name) =>
          // The dialog listed the sessions (endSessions), and the run's confirmation covers its copy.
          this.snapshots.create(scope, name, actor, { endSessions: request.endSessions === true, ...confirmation })
      : undefined;
    return { target, options, take };
  }
}
