// Upgrade, downgrade and stamp for Alembic projects, through the project's own alembic command:
// our planner previews, Alembic runs, alembic_version is read back to report what changed.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SwitchyardError } from '../../src-shared/errors';
import type { RunPreview, RunRequest, RunResult } from '../../src-shared/model/run';
import type { Driver } from '../drivers/driver';
import { engineFor } from '../engines/engineFor';
import { appliedHeads } from '../../src-shared/graph/planner';
import type { LoadedProject } from '../migrations/project';
import { runAlembicCommand } from './alembicCommand';
import { migrationStatus } from './migrationStatus';
import type { MigrationTarget } from '../targets/migrationTarget';
import type { RunOptions } from './sqlRun';
import { checkBeforeRun, permissionFindings, refuseOn, tableConflictFindings } from './preflight';
import { planRun, previewSteps } from './runPlan';
import { readRecorded } from './versionTables';

function iniPath(project: LoadedProject): string {
  for (const candidate of [join(project.files.project, 'alembic.ini'), join(dirname(project.files.project), 'alembic.ini')]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new SwitchyardError(
    'E_INVALID_PROJECT',
    `No alembic.ini in ${project.files.project} or its parent: Switchyard runs Alembic with the project's own configuration.`,
  );
}

function alembicArgs(request: RunRequest): string[] {
  return [request.action, request.to];
}

export async function previewAlembic(driver: Driver, target: MigrationTarget, project: LoadedProject, request: RunRequest): Promise<RunPreview> {
  const { applied, steps } = await planRun(driver, project, request);
  const findings = [...(await permissionFindings(driver, target)), ...(await tableConflictFindings(driver, project, steps, request))];
  // Offline SQL needs one starting point; with several applied heads Alembic cannot express the range.
  const heads = appliedHeads(project.graph, applied);
  let sql: string;
  if (request.action === 'stamp' || heads.length > 1) {
    sql = `-- ${request.action === 'stamp' ? 'stamp only records revisions' : 'several applied heads: Alembic cannot print SQL for this range offline'}\n`;
  } else {
    const range = `${heads[0] ?? 'base'}:${request.to}`;
    // Offline SQL touches no database, so there is no lock to wait for.
    const outcome = await runAlembicCommand(
      target.alembicCommand,
      iniPath(project),
      [request.action, range, '--sql'],
      target.connection,
      { lockTimeoutMs: 0 },
      () => undefined,
    );
    sql =
      outcome.code === 0
        ? outcome.stdout
        : `-- alembic ${request.action} ${range} --sql failed (exit ${outcome.code}):\n${outcome.stderr
            .split('\n')
            .map((l) => `-- ${l}`)
            .join('\n')}\n`;
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
    const { applied, steps } = await planRun(driver, project, request);
    refuseOn(await tableConflictFindings(driver, project, steps, request));
    op?.progress(0, steps.length, `alembic ${alembicArgs(request).join(' ')} on ${target.name}`);
    const outcome = await runAlembicCommand(
      target.alembicCommand,
      iniPath(project),
      alembicArgs(request),
      target.connection,
      { lockTimeoutMs, signal: op?.signal },
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
      const tail = outcome.stderr.trim().split('\n').slice(-6).join('\n');
      throw new SwitchyardError(
        'E_ALEMBIC_FAILED',
        `alembic ${alembicArgs(request).join(' ')} exited with ${outcome.code}${done.length ? ` after ${done.length} revision(s)` : ''}:\n${tail}`,
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
    options.audit?.({
      actor: options.actor,
      action: `runner.${request.action}.failed`,
      target: target.name,
      detail: {
        request,
        via: 'alembic',
        code: error instanceof SwitchyardError ? error.code : 'E_INTERNAL',
        message: error instanceof Error ? error.message : String(error),
      },
    });
    throw error;
  } finally {
    await session.close();
  }
}
