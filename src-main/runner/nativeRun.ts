// Upgrade, downgrade and stamp for native projects: plan from what the database records, check,
// then run each revision with its bookkeeping in one transaction under the run lock.
import { SwitchyardError } from '../../src-shared/errors';
import type { RunPreview, RunRequest, RunResult } from '../../src-shared/model/run';
import type { Driver } from '../drivers/driver';
import { engineFor } from '../engines/engineFor';
import type { LoadedProject } from '../migrations/project';
import type { OperationContext } from '../operations/operations';
import type { AuditRecord } from '../store/auditLog';
import { migrationStatus } from './migrationStatus';
import { dryRunSql } from './dryRun';
import type { MigrationTarget } from '../targets/migrationTarget';
import { checkBeforeRun, permissionFindings, refuseOn, tableConflictFindings } from './preflight';
import { planRun, previewSteps } from './runPlan';
import { readRecorded } from './versionTables';

export interface RunOptions {
  actor: string;
  lockTimeoutMs?: number;
  operation?: OperationContext;
  /** The user confirmed running against a production connection. */
  confirmProduction?: boolean;
  audit?: (record: AuditRecord) => void;
}

function heading(target: MigrationTarget, request: RunRequest, count: number): string {
  const verb = request.action === 'stamp' ? (request.down ? 'stamp down' : 'stamp') : request.action;
  return `Switchyard ${verb} to ${request.to} on ${target.name}: ${count} revision${count === 1 ? '' : 's'}`;
}

export async function previewNative(driver: Driver, target: MigrationTarget, project: LoadedProject, request: RunRequest, actor: string): Promise<RunPreview> {
  const { steps } = await planRun(driver, project, request);
  return {
    request,
    steps: previewSteps(steps),
    sql: dryRunSql(driver, steps, actor, heading(target, request, steps.length)),
    findings: [...(await permissionFindings(driver, target)), ...(await tableConflictFindings(driver, project, steps, request))],
    production: target.environment === 'prod',
  };
}

export async function runNative(driver: Driver, target: MigrationTarget, project: LoadedProject, request: RunRequest, options: RunOptions): Promise<RunResult> {
  await checkBeforeRun(driver, target, options.confirmProduction);
  const op = options.operation;
  const session = await engineFor(driver.engine).openRunSession(driver, target, options.lockTimeoutMs ?? 10_000, { bookkeeping: true });
  const started = performance.now();
  const done: RunResult['steps'] = [];
  try {
    // Planned under the lock: a run that waited for another sees what that one applied.
    const { steps } = await planRun(driver, project, request);
    refuseOn(await tableConflictFindings(driver, project, steps, request));
    op?.progress(0, steps.length, heading(target, request, steps.length));
    for (const [index, step] of steps.entries()) {
      op?.checkpoint();
      op?.log('info', `${step.direction === 'up' ? '▲' : '▼'} ${step.revision} ${step.message} (${step.file})…`);
      const durationMs = await session.run(step, options.actor);
      done.push({ revision: step.revision, direction: step.direction, file: step.file, message: step.message, durationMs: Math.round(durationMs) });
      op?.log('info', `  done in ${Math.round(durationMs)} ms`);
      op?.progress(index + 1, steps.length, step.revision);
    }
  } catch (error) {
    options.audit?.({
      actor: options.actor,
      action: `runner.${request.action}.failed`,
      target: target.name,
      detail: {
        request,
        completed: done.map((s) => s.revision),
        code: error instanceof SwitchyardError ? error.code : 'E_INTERNAL',
        message: error instanceof Error ? error.message : String(error),
      },
    });
    throw error;
  } finally {
    await session.close();
  }
  const totalMs = Math.round(performance.now() - started);
  options.audit?.({
    actor: options.actor,
    action: `runner.${request.action}`,
    target: target.name,
    detail: { request, revisions: done.map((s) => `${s.direction} ${s.revision}`), totalMs },
  });
  const status = migrationStatus(project, await readRecorded(driver, 'native'));
  return { request, steps: done, totalMs, status };
}
