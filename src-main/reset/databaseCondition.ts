// What must be said about a connection's database before anything acts on it: that it is missing
// (and which snapshot brings it back), that a reset was killed half-way, what a killed snapshot left.
import type { DatabaseCondition, InterruptedReset, Snapshot } from '../../src-shared/model/reset';
import type { ResetJournal } from '../store/resetJournal';
import { databaseKeyOf } from './databaseKey';
import type { DatabaseLifecycle } from './lifecycle';
import { processAlive } from './liveProcess';
import type { SnapshotScope, SnapshotService } from './snapshots';

/** The newest snapshot that can be restored. */
export function latestReady(snapshots: readonly Snapshot[]): Snapshot | undefined {
  return snapshots.find((s) => s.state === 'ready');
}

/** The newest reset of this database whose process died before its end. */
export function interruptedReset(journal: ResetJournal, scope: SnapshotScope, snapshots: readonly Snapshot[]): InterruptedReset | undefined {
  const entry = journal.of(databaseKeyOf(scope.target.connection)).find((e) => !processAlive(e.pid));
  const step = entry?.steps[entry.stepIndex];
  if (!entry || !step) return undefined;
  const snapshot = snapshots.find((s) => s.id === entry.snapshotId && s.state === 'ready');
  const stepNumber = entry.stepIndex + 1;
  const undo = snapshot
    ? `the snapshot to restore is "${snapshot.name}" (${snapshot.id})`
    : entry.snapshotId
      ? 'its snapshot was never finished'
      : 'it took no snapshot';
  return {
    startedAt: entry.startedAt,
    connection: entry.connection,
    stepNumber,
    stepCount: entry.steps.length,
    step: step.step,
    stepTitle: step.title,
    ...(snapshot ? { snapshot } : {}),
    message: `A reset started ${entry.startedAt} was interrupted at step ${stepNumber} of ${entry.steps.length} (${step.title}); ${undo}.`,
  };
}

export async function readCondition(
  snapshots: SnapshotService,
  journal: ResetJournal,
  scope: SnapshotScope,
  database: DatabaseLifecycle,
  actor: string,
): Promise<DatabaseCondition> {
  const settled = await snapshots.settle(scope, database, actor);
  const list = snapshots.list(scope);
  const databaseExists = await database.exists();
  const latest = databaseExists ? undefined : latestReady(list);
  const interrupted = interruptedReset(journal, scope, list);
  const replaced = await database.replacedCopy();
  const notices = [...settled];
  if (interrupted) notices.push(interrupted.message);
  if (!databaseExists) {
    notices.push(
      latest
        ? `${database.databaseName} does not exist. Its latest snapshot is "${latest.name}" (${latest.id}, ${latest.createdAt}): restore it to bring the database back.`
        : `${database.databaseName} does not exist, and no snapshot of it is recorded.`,
    );
  }
  if (replaced)
    notices.push(
      `A restore of ${database.databaseName} was stopped after swapping the snapshot in: the copy it replaced is still kept as "${replaced}" (the next restore drops it).`,
    );
  return { databaseExists, ...(latest ? { latestSnapshot: latest } : {}), ...(interrupted ? { interruptedReset: interrupted } : {}), settled, notices };
}
