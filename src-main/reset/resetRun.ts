// Runs a planned reset step by step: refusals and confirmations first (nothing changes before
// them), then each step with its outcome reported and audited. A failure stops the reset, says
// what the database holds, and keeps the snapshot taken first.
import { randomUUID } from 'node:crypto';
import type { PlannedStep, ResetPlan, ResetRequest, ResetResult, ResetStepName, ResetVerification, Snapshot, StepResult } from '../../src-shared/model/reset';
import { SwitchyardError, toWireError } from '../../src-shared/errors';
import type { Confirmation } from '../../src-shared/model/confirmation';
import type { OperationContext } from '../operations/operations';
import { runTarget } from '../runner/runnerService';
import { withDriver } from '../targets/withDriver';
import type { AuditRecord } from '../store/auditLog';
import { requireConfirmation } from '../targets/requireConfirmation';
import type { DatabaseShapeRecord } from '../../src-shared/model/reset';
import { readCondition } from './databaseCondition';
import { databaseKeyOf } from './databaseKey';
import type { DatabaseLifecycle } from './lifecycle';
import { processAlive } from './liveProcess';
import { planReset, recordedShapeFor, safetyNetName } from './resetPlan';
import { runSeed } from './seedRun';
import { databaseState } from './resetState';
import type { SnapshotScope, SnapshotService } from './snapshots';
import { verifyReset, type Expectation, type SchemaDriftCheck } from './verifyReset';
import { countOf } from '../../src-shared/format/plural';

export interface ResetRunOptions {
  actor: string;
  confirmation: Confirmation;
  operation?: OperationContext;
  audit?: (record: AuditRecord) => void;
  /** For Verify: the full schema against the migrations; without it, Verify compares table names only. */
  schemaDrift?: SchemaDriftCheck;
  /** The reset recipe this reset runs, named in its audit entries. */
  recipe?: { id: string; name: string };
}

export function checkConfirmation(plan: ResetPlan, confirmation: Confirmation): void {
  if (plan.refusals.length > 0) throw new SwitchyardError('E_PREFLIGHT', `Nothing was changed. ${plan.refusals.join(' ')}`, { refusals: plan.refusals });
  // The database's name, whatever the environment: a reset drops it.
  requireConfirmation(
    { connection: plan.connection, environment: plan.environment, what: 'reset it', typed: plan.databaseName, always: true, productionWord: true },
    confirmation,
  );
}

/** The plan, after settling what killed snapshots left and with what must be said about the database first. */
export async function planWith(snapshots: SnapshotService, scope: SnapshotScope, request: ResetRequest, actor: string): Promise<ResetPlan> {
  const database = await snapshots.open(scope.target);
  try {
    const condition = await readCondition(snapshots, snapshots.journal, scope, database, actor);
    return await planReset(scope.target, database, request, snapshots.list(scope), true, condition);
  } finally {
    await database.close();
  }
}

interface StepContext {
  scope: SnapshotScope;
  snapshots: SnapshotService;
  database: DatabaseLifecycle;
  request: ResetRequest;
  options: ResetRunOptions;
  taken: Snapshot | undefined;
  /** For a database that is gone: the shape its snapshot recorded (read before any step runs). */
  recorded: DatabaseShapeRecord | undefined;
  /** Hears of the safety-net snapshot as soon as it is recorded, before its copy starts. */
  onSnapshotRecorded: (snapshot: Snapshot) => void;
  verification: (ResetVerification & { problems: string[] }) | undefined;
}

function expectationOf({ request, scope, snapshots }: StepContext): Expectation {
  if (request.to) return { kind: 'target', to: request.to };
  if (request.mode === 'snapshot') return { kind: 'snapshot', heads: snapshots.find(scope, request.snapshotId ?? '').heads };
  return { kind: 'empty' };
}

/** The runner's own progress is per revision; the reset reports per step, so only its log goes through. */
function migrateContext(operation: OperationContext | undefined): OperationContext | undefined {
  return operation && { ...operation, progress: () => undefined };
}

async function runStep(step: PlannedStep, context: StepContext): Promise<string> {
  const { scope, database, request, options } = context;
  switch (step.step) {
    case 'snapshot': {
      const { sessionsEnded, ...taken } = await context.snapshots.take(scope, safetyNetName(new Date()), options.actor, database, context.onSnapshotRecorded);
      context.taken = taken;
      return `snapshot "${taken.name}" taken (${taken.location})${sessionsEnded ? `; ${countOf(sessionsEnded, 'session')} ended first so the database could be copied` : ''}`;
    }
    case 'terminate':
      return `${countOf(await database.terminate(), 'session')} ended`;
    case 'drop':
      if (request.mode === 'wipe') await database.wipe();
      else await database.drop();
      return request.mode === 'wipe' ? 'schemas dropped, public created' : 'database dropped';
    case 'create':
      await database.create(context.recorded);
      return 'database created';
    case 'restore': {
      const snapshot = context.snapshots.find(scope, request.snapshotId ?? '');
      await database.restore(snapshot.location, snapshot.shape);
      return `restored from "${snapshot.name}"`;
    }
    case 'migrate': {
      const operation = migrateContext(options.operation);
      const result = await runTarget(
        scope.target,
        { action: 'upgrade', to: request.to ?? 'heads' },
        {
          actor: options.actor,
          // Already confirmed on the Confirm step, with the database's name typed.
          confirmProduction: true,
          ...(operation ? { operation } : {}),
          ...(options.audit ? { audit: options.audit } : {}),
        },
      );
      return `${countOf(result.steps.length, 'revision')} applied; at ${result.status.heads.join(', ') || 'base'}`;
    }
    case 'seed': {
      await withDriver(scope.target, (driver) => runSeed(driver, request.seedFile ?? ''), true);
      return `ran ${request.seedFile}`;
    }
    case 'verify': {
      const verification = await verifyReset(scope.target, expectationOf(context), options.schemaDrift);
      context.verification = verification;
      if (!verification.ok) throw new SwitchyardError('E_RESET_FAILED', `Verification found differences: ${verification.problems.join('; ')}`);
      const said = verification.schemaNotes ? ` (${verification.schemaNotes.join('; ')})` : '';
      return `at ${verification.heads.join(', ') || 'base'}; ${verification.drift ? `schema as the migrations make it${said}` : 'tables as expected'}`;
    }
  }
}

export async function runReset(snapshots: SnapshotService, scope: SnapshotScope, request: ResetRequest, options: ResetRunOptions): Promise<ResetResult> {
  const { operation, audit } = options;
  const database = await snapshots.open(scope.target);
  const started = performance.now();
  try {
    const list = snapshots.list(scope);
    const plan = await planReset(scope.target, database, request, list, false);
    checkConfirmation(plan, options.confirmation);
    const recipe = options.recipe ? { recipe: options.recipe } : {};
    const record = (action: string, detail: Record<string, unknown>) => audit?.({ actor: options.actor, action, target: scope.target.name, detail });
    record('reset.start', {
      ...recipe,
      mode: request.mode,
      to: request.to ?? null,
      seed: request.seedFile ?? null,
      steps: plan.steps.map((s) => ({ step: s.step, statements: s.statements })),
    });

    // The journal outlives a killed process: the next open of this database says where the reset stopped.
    const { journal } = snapshots;
    const databaseKey = databaseKeyOf(scope.target.connection);
    for (const stale of journal.of(databaseKey)) if (!processAlive(stale.pid)) journal.finish(stale.id);
    const journalId = randomUUID();
    journal.start({
      id: journalId,
      databaseKey,
      connection: scope.target.name,
      startedAt: new Date().toISOString(),
      steps: plan.steps.map((s) => ({ step: s.step, title: s.title })),
      pid: process.pid,
    });

    const recorded = await recordedShapeFor(database, list);
    const context: StepContext = {
      scope,
      snapshots,
      database,
      request,
      options,
      taken: undefined,
      verification: undefined,
      recorded: typeof recorded === 'object' ? recorded.shape : undefined,
      onSnapshotRecorded: (snapshot) => journal.snapshotRecorded(journalId, snapshot.id),
    };
    const results: StepResult[] = [];
    const done: ResetStepName[] = [];
    let stoppedAt: ResetStepName | undefined;
    for (const [index, step] of plan.steps.entries()) {
      journal.stepStarted(journalId, index);
      const stepStarted = performance.now();
      let outcome: StepResult['outcome'] = 'done';
      let message: string;
      try {
        operation?.checkpoint();
        operation?.progress(index, plan.steps.length, step.title, { step: step.step, outcome: 'running' });
        message = await runStep(step, context);
      } catch (error) {
        const wire = toWireError(error);
        outcome = wire.code === 'E_CANCELLED' ? 'cancelled' : 'failed';
        message = wire.code === 'E_INTERNAL' ? (error as Error).message : wire.message;
      }
      const result: StepResult = { step: step.step, title: step.title, outcome, durationMs: Math.round(performance.now() - stepStarted), message };
      results.push(result);
      record('reset.step', { ...result });
      operation?.progress(index + 1, plan.steps.length, step.title, result);
      operation?.log(outcome === 'done' ? 'info' : 'error', `${step.title}: ${message}`);
      if (outcome !== 'done') {
        stoppedAt = step.step;
        break;
      }
      done.push(step.step);
    }
    journal.finish(journalId);
    const verification = context.verification;
    const result: ResetResult = {
      ok: stoppedAt === undefined,
      steps: results,
      ...(stoppedAt ? { stoppedAt } : {}),
      // Asked of the server, not inferred from the steps: a failed step may have dropped it all the same.
      databaseState: databaseState(done, stoppedAt, request, await database.exists().catch(() => undefined)),
      ...(context.taken ? { snapshot: context.taken } : {}),
      ...(verification
        ? {
            verification: {
              ok: verification.ok,
              heads: verification.heads,
              missingTables: verification.missingTables,
              unexpectedTables: verification.unexpectedTables,
              ...(verification.drift ? { drift: verification.drift } : {}),
              ...(verification.schemaNotes ? { schemaNotes: verification.schemaNotes } : {}),
            },
          }
        : {}),
      totalMs: Math.round(performance.now() - started),
    };
    record(result.ok ? 'reset.done' : 'reset.failed', {
      ...recipe,
      stoppedAt: stoppedAt ?? null,
      databaseState: result.databaseState,
      snapshot: context.taken?.id ?? null,
      totalMs: result.totalMs,
    });
    return result;
  } finally {
    await database.close();
  }
}
