// Upgrade, downgrade and stamp for Alembic projects, through the project's own alembic command:
// our planner previews, Alembic runs, alembic_version is read back to report what changed.
import { SwitchyardError } from '../../src-shared/errors';
import { countOf } from '../../src-shared/format/plural';
import type { RunPreview, RunRequest, RunResult } from '../../src-shared/model/run';
import type { Driver } from '../drivers/driver';
import { engineFor } from '../engines/engineFor';
import { appliedHeads } from '../../src-shared/graph/planner';
import type { LoadedProject } from '../migrations/project';
import { alembicVersionDirsFor } from '../migrations/readers/alembicIni';
import { runAlembicCommand, type AlembicRunOptions } from './alembicCommand';
import { alembicFailureText } from './alembicFailure';
import { migrationStatus } from './migrationStatus';
import type { MigrationTarget } from '../targets/migrationTarget';
import type { RunOptions } from './sqlRun';
import { checkBeforeRun, permissionFindings, refuseOn, tableConflictFindings } from './preflight';
import { planRun, previewSteps, type PlannedRun } from './runPlan';
import { runFailureRecord } from './runAudit';
import { readRecorded } from './versionTables';

interface AlembicSetup {
  iniPath: string;
  /** The script folder (env.py), where a failure's cause is looked for. */
  scriptDir: string;
  options: Pick<AlembicRunOptions, 'scriptLocation'>;
}

function alembicSetup(project: LoadedProject): AlembicSetup {
  const layout = alembicVersionDirsFor(project.files.project);
  if (layout.iniPath === null) {
    throw new SwitchyardError(
      'E_INVALID_PROJECT',
      `No alembic.ini for ${project.files.project} (in it, or one folder up naming it as script_location): Switchyard runs Alembic with the project's own configuration.`,
    );
  }
  return { iniPath: layout.iniPath, scriptDir: layout.scriptDir, options: layout.scriptLocationImplied ? { scriptLocation: layout.scriptDir } : {} };
}

/**
 * What Alembic is asked to do. A stamp gets the revisions the plan ends at, resolved by Switchyard
 * (Alembic's stamp takes no relative target such as -1), with --purge so its table then holds exactly
 * those; unless the table records revisions no file defines, which Alembic refuses to touch itself.
 */
function alembicArgs(project: LoadedProject, request: RunRequest, planned: PlannedRun, recorded: readonly string[]): string[] {
  if (request.action !== 'stamp') return [request.action, request.to];
  const after = new Set(planned.applied);
  for (const step of planned.steps) {
    if (step.direction === 'up') after.add(step.revision);
    else after.delete(step.revision);
  }
  const heads = appliedHeads(project.graph, after);
  const known = recorded.every((id) => project.graph.byId.has(id));
  return ['stamp', ...(known ? ['--purge'] : []), ...(heads.length ? heads : ['base'])];
}

export async function previewAlembic(driver: Driver, target: MigrationTarget, project: LoadedProject, request: RunRequest): Promise<RunPreview> {
  const planned = await planRun(driver, project, request);
  const { applied, steps } = planned;
  const findings = [...(await permissionFindings(driver, target)), ...(await tableConflictFindings(driver, project, steps, request))];
  // Offline SQL needs one starting point; with several applied heads Alembic cannot express the range.
  const heads = appliedHeads(project.graph, applied);
  let sql: string;
  if (request.action === 'stamp') {
    const recorded = (await readRecorded(driver, project)).records.map((r) => r.revision);
    sql = `-- stamp only records revisions: alembic ${alembicArgs(project, request, planned, recorded).join(' ')}\n`;
  } else if (heads.length > 1) {
    sql = '-- several applied heads: Alembic cannot print SQL for this range offline\n';
  } else {
    const range = `${heads[0] ?? 'base'}:${request.to}`;
    const setup = alembicSetup(project);
    // Offline SQL touches no database, so there is no lock to wait for.
    const outcome = await runAlembicCommand(
      target.alembicCommand,
      setup.iniPath,
      [request.action, range, '--sql'],
      target.connection,
      { lockTimeoutMs: 0, ...setup.options },
      () => undefined,
    );
    if (outcome.code === 0) sql = outcome.stdout;
    else {
      // An error, not a comment in the SQL only: a dry run whose Alembic failed must not pass.
      const failure = alembicFailureText(outcome.stderr, setup.scriptDir, outcome.program);
      findings.push({ severity: 'error', message: `alembic ${request.action} ${range} --sql exited with ${outcome.code}: ${failure}` });
      sql = `-- alembic ${request.action} ${range} --sql failed (exit ${outcome.code}):\n${failure
        .split('\n')
        .map((l) => `-- ${l}`)
        .join('\n')}\n`;
    }
  }
  return {
    request,
    steps: previewSteps(steps),
    sql,
    findings,
    production: target.environment === 'prod',
  };
}

export async function runAlembic(
  driver: Driver,
  target: MigrationTarget,
  project: LoadedProject,
  request: RunRequest,
  options: RunOptions,
): Promise<RunResult> {
  await checkBeforeRun(driver, target, options.confirmProduction);
  const op = options.operation;
  const lockTimeoutMs = options.lockTimeoutMs ?? 10_000;
  // Our run lock keeps two Switchyard runs apart while we plan and read back; the child also takes
  // one in its own migration connection, which outlives us if we are killed mid-statement.
  const session = await engineFor(driver.engine).openRunSession(driver, target, lockTimeoutMs, {});
  const started = performance.now();
  try {
    const planned = await planRun(driver, project, request);
    const { applied, steps } = planned;
    refuseOn(await tableConflictFindings(driver, project, steps, request));
    const setup = alembicSetup(project);
    const recorded = (await readRecorded(driver, project)).records.map((r) => r.revision);
    const args = alembicArgs(project, request, planned, recorded);
    op?.progress(0, steps.length, `alembic ${args.join(' ')} on ${target.name}`);
    const outcome = await runAlembicCommand(
      target.alembicCommand,
      setup.iniPath,
      args,
      target.connection,
      { lockTimeoutMs, ...(op ? { signal: op.signal } : {}), ...setup.options },
      (stream, line) => op?.log(stream === 'stderr' && /error|Traceback/i.test(line) ? 'error' : 'info', line),
    );
    const after = await readRecorded(driver, project);
    const status = migrationStatus(project, after);
    const nowApplied = new Set(status.applied);
    const done = steps.filter((s) => (s.direction === 'up' ? nowApplied.has(s.revision) && !applied.has(s.revision) : !nowApplied.has(s.revision)));
    if (outcome.stoppedBecause === 'lockHeld') {
      throw new SwitchyardError(
        'E_LOCK_HELD',
        `Another Alembic run on ${target.name} is still running (waited ${Math.round(lockTimeoutMs / 1000)} s for its lock); nothing was run.`,
      );
    }
    if (outcome.stoppedBecause === 'interrupted') {
      throw new SwitchyardError(
        'E_CANCELLED',
        `Stopped at once: "${target.alembicCommand}" is not a Python script Switchyard can start itself, so the revision running was interrupted (rolled back if env.py runs it in a transaction); ${done.length} of ${steps.length} ran.`,
        { completed: done.map((s) => s.revision) },
      );
    }
    if (outcome.stoppedBecause === 'stopRequested') {
      throw new SwitchyardError('E_CANCELLED', `Stopped between revisions, after ${done.length} of ${steps.length}; those stay applied.`, {
        completed: done.map((s) => s.revision),
      });
    }
    if (outcome.code !== 0) {
      throw new SwitchyardError(
        'E_ALEMBIC_FAILED',
        `alembic ${args.join(' ')} exited with ${outcome.code}${done.length ? ` after ${countOf(done.length, 'revision')}` : ''}:\n${alembicFailureText(outcome.stderr, setup.scriptDir, outcome.program)}`,
        { exitCode: outcome.code, completed: done.map((s) => s.revision) },
      );
    }
    op?.progress(steps.length, steps.length, 'done');
    const totalMs = Math.round(performance.now() - started);
    options.audit?.({
      actor: options.actor,
      action: `runner.${request.action}`,
      target: target.name,
      detail: { request, via: 'alembic', revisions: done.map((s) => `${s.direction} ${s.revision}`), totalMs },
    });
    return { request, steps: done.map(({ revision, direction, file, message }) => ({ revision, direction, file, message, durationMs: 0 })), totalMs, status };
  } catch (error) {
    options.audit?.(runFailureRecord(options.actor, target.name, request, error, { via: 'alembic' }));
    throw error;
  } finally {
    await session.close();
  }
}
