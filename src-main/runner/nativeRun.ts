// Upgrade, downgrade and stamp for native projects: plan from what the database records, check,
// then run each revision with its bookkeeping in one transaction under the run lock.
import { SwitchyardError } from '../../src-shared/errors';
import type { Plan } from '../../src-shared/model/revision';
import type { PreflightFinding, RunPreview, RunRequest, RunResult } from '../../src-shared/model/run';
import type { Driver } from '../drivers/driver';
import { appliedWithAncestors, planDowngrade, planUpgrade } from '../migrations/planner';
import type { LoadedProject } from '../migrations/project';
import { analyseTables } from '../migrations/staticAnalysis';
import type { OperationContext } from '../operations/operations';
import type { AuditRecord } from '../store/auditLog';
import { connectionStatus } from './connectionStatus';
import { dryRunSql } from './dryRun';
import type { MigrationTarget } from './migrationTarget';
import { existingTableNames, permissionFindings, tableConflicts } from './preflight';
import { prepareSteps, type PreparedStep } from './preparedStep';
import { openRunSession } from './runSession';
import { readRecorded } from './versionTables';

export interface RunOptions {
  actor: string;
  lockTimeoutMs?: number;
  operation?: OperationContext;
  /** The user confirmed running against a production connection. */
  confirmProduction?: boolean;
  audit?: (record: AuditRecord) => void;
}

const stamping = (request: RunRequest) => request.action === 'stamp';

/** Preflight errors stop the run before its first statement. */
export function refuseOn(findings: readonly PreflightFinding[]): void {
  const blocking = findings.filter((f) => f.severity === 'error');
  if (blocking.length > 0) throw new SwitchyardError('E_PREFLIGHT', `Nothing was run. ${blocking.map((f) => f.message).join(' ')}`, { findings: blocking });
}

export function planFor(project: LoadedProject, applied: ReadonlySet<string>, request: RunRequest): Plan {
  const up = request.action === 'upgrade' || (request.action === 'stamp' && !request.down);
  return up ? planUpgrade(project.graph, request.target, applied) : planDowngrade(project.graph, request.target, applied);
}

async function planSteps(driver: Driver, project: LoadedProject, request: RunRequest): Promise<PreparedStep[]> {
  const recorded = await readRecorded(driver, 'native');
  const applied = appliedWithAncestors(project.graph, recorded.records.map((r) => r.revision));
  return prepareSteps(project, planFor(project, applied, request), { stamp: stamping(request) });
}

async function conflictFindings(driver: Driver, project: LoadedProject, steps: PreparedStep[], request: RunRequest): Promise<PreflightFinding[]> {
  const found: PreflightFinding[] = [];
  if (!stamping(request) && steps.some((s) => s.direction === 'up')) {
    const changes = await analyseTables(project.files.files.filter((f) => steps.some((s) => s.revision === f.revision.id)), 'native');
    found.push(...tableConflicts(project.graph, steps, changes, await existingTableNames(driver)));
  }
  return found;
}

function heading(target: MigrationTarget, request: RunRequest, count: number): string {
  const verb = request.action === 'stamp' ? (request.down ? 'stamp down' : 'stamp') : request.action;
  return `Switchyard ${verb} to ${request.target} on ${target.name}: ${count} revision${count === 1 ? '' : 's'}`;
}

export async function previewNative(driver: Driver, target: MigrationTarget, project: LoadedProject, request: RunRequest, actor: string): Promise<RunPreview> {
  const steps = await planSteps(driver, project, request);
  return {
    request,
    steps: steps.map(({ revision, direction, file, message }) => ({ revision, direction, file, message })),
    sql: dryRunSql(driver, steps, actor, heading(target, request, steps.length)),
    findings: [...(await permissionFindings(driver, target)), ...(await conflictFindings(driver, project, steps, request))],
    production: target.environment === 'prod',
  };
}

export async function runNative(driver: Driver, target: MigrationTarget, project: LoadedProject, request: RunRequest, options: RunOptions): Promise<RunResult> {
  if (target.environment === 'prod' && !options.confirmProduction) {
    throw new SwitchyardError('E_CONFIRMATION_REQUIRED', `${target.name} is a production connection: confirm explicitly to run (in the CLI: --yes-production).`);
  }
  refuseOn(await permissionFindings(driver, target));
  const op = options.operation;
  const session = await openRunSession(driver, { name: target.name, sqlitePath: target.connection.sqlitePath }, options.lockTimeoutMs ?? 10_000);
  const started = performance.now();
  const done: RunResult['steps'] = [];
  try {
    // Planned under the lock: a run that waited for another sees what that one applied.
    const steps = await planSteps(driver, project, request);
    refuseOn(await conflictFindings(driver, project, steps, request));
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
      detail: { request, completed: done.map((s) => s.revision), code: error instanceof SwitchyardError ? error.code : 'E_INTERNAL', message: error instanceof Error ? error.message : String(error) },
    });
    throw error;
  } finally {
    await session.close();
  }
  const totalMs = Math.round(performance.now() - started);
  options.audit?.({ actor: options.actor, action: `runner.${request.action}`, target: target.name, detail: { request, revisions: done.map((s) => `${s.direction} ${s.revision}`), totalMs } });
  const status = connectionStatus(project, await readRecorded(driver, 'native'));
  return { request, steps: done, totalMs, status };
}
