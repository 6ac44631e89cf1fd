// The wizard's Impact, Safety net and Confirm steps in one answer: what will be destroyed, who is
// connected, what we may do, the exact statements of every step, and why it cannot run, if so.
import { existsSync } from 'node:fs';
import type {
  DatabaseCondition,
  PlannedStep,
  PrivilegeCheck,
  ResetImpact,
  ResetPlan,
  ResetRequest,
  SafetyNetPlan,
  Snapshot,
} from '../../src-shared/model/reset';
import { formatMoment } from '../../src-shared/format/moment';
import { loadInventory } from '../inventory/loadInventory';
import { countRowsExactly } from '../inventory/rowCounts';
import type { OperationContext } from '../operations/operations';
import { withDriver } from '../targets/withDriver';
import { loadTargetProject, type MigrationTarget } from '../targets/migrationTarget';
import { engineFor } from '../engines/engineFor';
import type { DatabaseLifecycle, RecreatedShape } from './lifecycle';
import { migrateRefusals, planMigrate } from './migratePreflight';

const dataKinds = new Set(['table', 'partitioned table', 'materialized view']);

/** Below this, rows are counted exactly (a few hundred ms at most); above, the planner's estimate is shown. */
const countBelowBytes = 64 * 1024 * 1024;
const quiet: OperationContext = {
  opId: 'reset.plan',
  signal: new AbortController().signal,
  progress: () => undefined,
  log: () => undefined,
  checkpoint: () => undefined,
};

async function measure(target: MigrationTarget, database: DatabaseLifecycle): Promise<Omit<ResetImpact, 'privileges' | 'sessions'>> {
  if (!(await database.exists())) return { tables: 0, rows: 0, rowsExact: true, bytes: 0 };
  const inventory = await loadInventory(target);
  const tables = inventory.tables.filter((t) => dataKinds.has(t.kind));
  const bytes = tables.reduce((sum, t) => sum + (t.bytes ?? 0), 0);
  const estimated = tables.reduce((sum, t) => sum + Math.max(0, t.exactRows ?? t.estimatedRows ?? 0), 0);
  const { rowsExact } = engineFor(target.connection.engine).catalog;
  if (rowsExact || bytes >= countBelowBytes) return { tables: tables.length, rows: estimated, rowsExact, bytes };
  const counts = await withDriver(target, (driver) => countRowsExactly(driver, tables, quiet, 2_000));
  const exact = counts.every((c) => c.rows !== null);
  return { tables: tables.length, rows: exact ? counts.reduce((sum, c) => sum + (c.rows ?? 0), 0) : estimated, rowsExact: exact, bytes };
}

/** The revisions the migrate step will apply, from an empty database or from a snapshot's heads. */
function migrateStatements(target: MigrationTarget, to: string, startingHeads: readonly string[]): string[] {
  const project = loadTargetProject(target);
  const { plan, refusal } = planMigrate(project.graph, to, startingHeads);
  if (plan === null) return [refusal];
  if (plan.steps.length === 0) return [`nothing to apply: already at ${to}`];
  const messages = new Map(project.graph.revisions.map((r) => [r.id, r.message]));
  return plan.steps.map((s) => `apply ${s.revision}${messages.get(s.revision) ? ` — ${messages.get(s.revision)}` : ''}`);
}

export function refusalsFor(
  target: MigrationTarget,
  request: ResetRequest,
  snapshot: Snapshot | undefined,
  privileges: PrivilegeCheck,
  snapshotPrivileges: PrivilegeCheck,
  exists = true,
): string[] {
  const refusals: string[] = [];
  if (!exists && request.mode === 'wipe') refusals.push('The database does not exist: there are no schemas to wipe. Restore a snapshot, or recreate it.');
  if (snapshot && snapshot.state !== 'ready') refusals.push(`The snapshot "${snapshot.name}" was never finished: it cannot be restored.`);
  if (target.connection.readOnly) refusals.push(`${target.name} is a read-only connection: Switchyard will not reset it.`);
  if (!privileges.ok) refusals.push(privileges.explanation);
  if (request.takeSnapshot && exists && !snapshotPrivileges.ok) refusals.push(snapshotPrivileges.explanation);
  if (request.mode === 'snapshot' && !snapshot) refusals.push('Choose the snapshot to restore.');
  if (request.to && !target.projectDir) refusals.push(`No migration project is bound to ${target.name}: there is nothing to migrate to ${request.to}.`);
  if (request.seedFile && !existsSync(request.seedFile)) refusals.push(`The seed file ${request.seedFile} does not exist.`);
  if (!request.takeSnapshot) {
    if (target.environment === 'prod') refusals.push(`${target.name} is a production connection: a reset there always takes a snapshot first.`);
    else if (!request.skipSnapshotAcknowledged)
      refusals.push('Skipping the snapshot needs an explicit acknowledgement: without it, nothing can undo the reset.');
  }
  return refusals;
}

/** The name a reset's own snapshot gets, with the moment it is taken. */
export function safetyNetName(takenAt: Date): string {
  return `Before reset, ${formatMoment(takenAt.toISOString())}`;
}

function safetyNetFor(database: DatabaseLifecycle, bytes: number): SafetyNetPlan {
  return { name: safetyNetName(new Date()), place: database.snapshotPlace, estimatedBytes: bytes, possible: database.snapshotPrivileges() };
}

/** The planned location of a snapshot not yet taken: its real name is fixed when it is taken. */
const newSnapshotId = 'new';

/**
 * What a recreate gives a database that is gone (a reset stopped after its drop): the owner, encoding and
 * collation recorded with its newest snapshot — never one invented. Undefined: the database is there to copy from.
 */
export async function recordedShapeFor(database: DatabaseLifecycle, snapshots: readonly Snapshot[]): Promise<RecreatedShape> {
  if (await database.exists()) return undefined;
  const from = snapshots.find((s) => s.state === 'ready' && s.shape);
  return from?.shape ? { shape: from.shape, from } : 'unknown';
}

export async function planSteps(
  target: MigrationTarget,
  database: DatabaseLifecycle,
  request: ResetRequest,
  snapshot: Snapshot | undefined,
  snapshots: readonly Snapshot[] = [],
): Promise<PlannedStep[]> {
  const steps: PlannedStep[] = [];
  // A database that is gone can be neither copied, nor disconnected, nor dropped.
  const exists = await database.exists();
  if (request.takeSnapshot && exists) {
    steps.push({
      step: 'snapshot',
      title: 'Take a snapshot (the undo)',
      statements: database.snapshotStatements(database.snapshotLocation(newSnapshotId)),
      destructive: false,
    });
  }
  const terminate = database.terminateStatements();
  if (request.mode !== 'wipe' && exists && terminate.length > 0)
    steps.push({ step: 'terminate', title: 'End the sessions on the database', statements: terminate, destructive: false });
  if (request.mode === 'wipe') {
    steps.push({ step: 'drop', title: database.wipeTitle, statements: exists ? await database.wipeStatements() : [], destructive: true });
  } else if (request.mode === 'recreate') {
    if (exists) steps.push({ step: 'drop', title: database.dropTitle, statements: database.dropStatements(), destructive: true });
    const recorded = await recordedShapeFor(database, snapshots);
    steps.push({
      step: 'create',
      title: database.createTitle(recorded),
      statements: database.createStatements(typeof recorded === 'object' ? recorded.shape : undefined),
      destructive: false,
    });
  } else {
    // The copy is made beside the database and swapped in by rename: the database is replaced only once the copy is whole.
    const title = `Restore the snapshot ${snapshot?.name ?? ''}`.trim();
    steps.push({ step: 'restore', title, statements: snapshot ? database.restoreStatements(snapshot.location, snapshot.shape) : [], destructive: exists });
  }
  if (request.to) {
    const from = request.mode === 'snapshot' ? (snapshot?.heads ?? []) : [];
    steps.push({ step: 'migrate', title: `Migrate to ${request.to}`, statements: migrateStatements(target, request.to, from), destructive: false });
  }
  if (request.seedFile) steps.push({ step: 'seed', title: 'Run the seed SQL', statements: [`run the SQL in ${request.seedFile}`], destructive: false });
  steps.push({
    step: 'verify',
    title: 'Verify',
    statements: ['compare the version bookkeeping and the tables with what the migrations expect'],
    destructive: false,
  });
  return steps;
}

/** `measureImpact` false: the run re-plans only for refusals and statements, the user saw the impact already. */
export async function planReset(
  target: MigrationTarget,
  database: DatabaseLifecycle,
  request: ResetRequest,
  snapshots: Snapshot[],
  measureImpact = true,
  condition?: DatabaseCondition,
): Promise<ResetPlan> {
  const snapshot = request.snapshotId ? snapshots.find((s) => s.id === request.snapshotId) : undefined;
  // The measure reads through its own connection, beside the lifecycle's questions; those share one
  // maintenance connection, so they are asked one after another (a pg client runs one query at a time).
  const measuring = measureImpact ? measure(target, database) : Promise.resolve({ tables: 0, rows: 0, rowsExact: false, bytes: 0 });
  measuring.catch(() => undefined); // awaited below; a failure of the questions first must not leave it unhandled
  const sessions = await database.sessions();
  const privileges = await database.privileges(request.mode);
  const exists = await database.exists();
  const measured = await measuring;
  return {
    connection: target.name,
    engine: target.connection.engine,
    environment: target.environment,
    databaseName: database.databaseName,
    request,
    impact: { ...measured, sessions, privileges },
    snapshots,
    steps: await planSteps(target, database, request, snapshot, snapshots),
    refusals: [
      ...refusalsFor(target, request, snapshot, privileges, database.snapshotPrivileges(), exists),
      ...(await migrateRefusals(target, request, snapshot)),
    ],
    ...(condition ? { condition } : {}),
    ...(exists ? { safetyNet: safetyNetFor(database, measured.bytes) } : {}),
  };
}
