// Upgrade, downgrade and stamp for the formats whose SQL Switchyard runs (native, dbmate, Flyway,
// sqitch…): plan from what the database records, check, then run each revision with the format's
// bookkeeping in one transaction under the run lock (or, where the format says so, outside one).
import { SwitchyardError } from '../../src-shared/errors';
import type { PreflightFinding, RunPreview, RunRequest, RunResult } from '../../src-shared/model/run';
import type { Driver } from '../drivers/driver';
import { engineFor } from '../engines/engineFor';
import type { SqlFormat } from '../formats/format';
import type { LoadedProject } from '../migrations/project';
import type { OperationContext } from '../operations/operations';
import type { AuditRecord } from '../store/auditLog';
import { migrationStatus } from './migrationStatus';
import { dryRunSql } from './dryRun';
import type { MigrationTarget } from '../targets/migrationTarget';
import { checkBeforeRun, permissionFindings, refuseOn, tableConflictFindings } from './preflight';
import type { PreparedStep } from './preparedStep';
import { planRun, previewSteps, stamping } from './runPlan';
import { duplicateFindings } from './duplicateRefusal';
import { transactionFindings } from './transactionFindings';
import { runFailureRecord } from './runAudit';
import type { RunSessionOptions } from './runSession';
import { readRecorded } from './versionTables';

/** A project in a format whose SQL Switchyard runs. */
export type SqlProject = LoadedProject & { format: SqlFormat };

export interface RunOptions {
  actor: string;
  lockTimeoutMs?: number;
  operation?: OperationContext;
  /** The user confirmed running against a production connection. */
  confirmProduction?: boolean;
  audit?: (record: AuditRecord) => void;
  /** Each statement told before it runs, the body then sent statement by statement (a rehearsal's lock watch). */
  onStatement?: RunSessionOptions['onStatement'];
}

function heading(target: MigrationTarget, request: RunRequest, count: number): string {
  const verb = request.action === 'stamp' ? (request.down ? 'stamp down' : 'stamp') : request.action;
  return `Switchyard ${verb} to ${request.to} on ${target.name}: ${count} revision${count === 1 ? '' : 's'}`;
}

/** The tool's refusal of the whole run (sqitch's conflicts), as a preview finding. */
async function refusedRunFindings(driver: Driver, project: SqlProject, steps: readonly PreparedStep[], request: RunRequest): Promise<PreflightFinding[]> {
  const refused = stamping(request) ? null : await project.format.bookkeeping.refuseSteps?.(driver, steps);
  return refused ? [{ severity: 'error', message: refused }] : [];
}

export async function previewSql(driver: Driver, target: MigrationTarget, project: SqlProject, request: RunRequest, actor: string): Promise<RunPreview> {
  const { steps } = await planRun(driver, project, request);
  return {
    request,
    steps: previewSteps(steps),
    sql: dryRunSql(driver, project.format, steps, actor, heading(target, request, steps.length)),
    findings: [
      ...duplicateFindings(project),
      ...(await refusedRunFindings(driver, project, steps, request)),
      ...(await permissionFindings(driver, target)),
      ...(await transactionFindings(driver, project.format, steps)),
      ...(await tableConflictFindings(driver, project, steps, request)),
    ],
    production: target.environment === 'prod',
  };
}

export async function runSql(driver: Driver, target: MigrationTarget, project: SqlProject, request: RunRequest, options: RunOptions): Promise<RunResult> {
  await checkBeforeRun(driver, target, options.confirmProduction);
  refuseOn(duplicateFindings(project));
  const { bookkeeping } = project.format;
  const refusal = await bookkeeping.refusal(driver);
  if (refusal) throw new SwitchyardError('E_BOOKKEEPING_REFUSES', `${target.name}: ${refusal} Nothing was run.`);
  if (project.format.refusesChanged) {
    const { changed } = migrationStatus(project, await readRecorded(driver, project));
    if (changed.length > 0) {
      throw new SwitchyardError(
        'E_BOOKKEEPING_REFUSES',
        `${target.name}: ${changed.join(', ')} ${changed.length === 1 ? 'was' : 'were'} edited after ${changed.length === 1 ? 'it was' : 'they were'} applied (the checksum ${project.format.name} recorded differs), and ${project.format.name} refuses to run then: ${project.format.refusesChanged} Nothing was run.`,
        { changed },
      );
    }
  }
  const op = options.operation;
  const session = await engineFor(driver.engine).openRunSession(driver, target, options.lockTimeoutMs ?? 10_000, {
    prepareSql: bookkeeping.createSql(engineFor(driver.engine).versionTable),
    foreignKeys: project.format.sqliteForeignKeys,
    ...(options.onStatement ? { onStatement: options.onStatement } : {}),
  });
  const started = performance.now();
  const done: RunResult['steps'] = [];
  const stamp = stamping(request);
  try {
    // Planned under the lock: a run that waited for another sees what that one applied.
    const { steps } = await planRun(driver, project, request);
    const refusedRun = stamp ? null : await bookkeeping.refuseSteps?.(driver, steps);
    if (refusedRun) throw new SwitchyardError('E_BOOKKEEPING_REFUSES', `${target.name}: ${refusedRun} Nothing was run.`);
    refuseOn([...(await transactionFindings(driver, project.format, steps)), ...(await tableConflictFindings(driver, project, steps, request))]);
    op?.progress(0, steps.length, heading(target, request, steps.length));
    for (const [index, step] of steps.entries()) {
      op?.checkpoint();
      // A stamp runs no SQL: it must not read like an upgrade (no arrow, no timing).
      op?.log(
        'info',
        stamp
          ? `${step.direction === 'up' ? 'recording' : 'removing the record of'} ${step.revision} ${step.message} (${step.file}), no SQL run…`
          : `${step.direction === 'up' ? '▲' : '▼'} ${step.revision} ${step.message} (${step.file})…`,
      );
      const durationMs = await session.run(step, (durationSql) => bookkeeping.record(driver, step, { appliedBy: options.actor, durationSql }));
      done.push({ revision: step.revision, direction: step.direction, file: step.file, message: step.message, durationMs: Math.round(durationMs) });
      if (!stamp) op?.log('info', `  done in ${Math.round(durationMs)} ms`);
      op?.progress(index + 1, steps.length, step.revision);
    }
  } catch (error) {
    options.audit?.(runFailureRecord(options.actor, target.name, request, error, { completed: done.map((s) => s.revision) }));
    throw error;
  } finally {
    await session.close();
  }
  const totalMs = Math.round(performance.now() - started);
  options.audit?.({
    actor: options.actor,
    action: `runner.${request.action}`,
    target: target.name,
    detail: { request, revisions: done.map((s) => `${s.direction} ${s.revision}`), ms: done.map((s) => s.durationMs), totalMs },
  });
  const status = migrationStatus(project, await readRecorded(driver, project));
  return { request, steps: done, totalMs, status };
}
