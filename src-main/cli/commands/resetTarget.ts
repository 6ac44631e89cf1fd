// Which database a reset or snapshot command works on, and the store its snapshots are kept in:
// both need the store, also with --url (snapshots are recorded there).
import { SwitchyardError } from '../../../src-shared/errors';
import type { DatabaseCondition } from '../../../src-shared/model/reset';
import type { MigrationTarget } from '../../targets/migrationTarget';
import type { SnapshotScope } from '../../reset/snapshots';
import type { TargetRef } from '../../../src-shared/model/targetRef';
import { actorName, type Services } from '../../services';
import { restoreCommand } from '../commandHint';
import { openServices } from '../openServices';
import { warn } from '../output';
import { requireOneTarget, targetRefOf, type TargetFlags } from '../targetFlags';

export async function resolveSnapshotScope(flags: TargetFlags): Promise<{ ref: TargetRef; scope: SnapshotScope; services: Services }> {
  requireOneTarget(flags);
  const services = await openServices();
  try {
    const ref = targetRefOf(flags, services);
    return { ref, scope: services.targets.resolve(ref), services };
  } catch (error) {
    services.close();
    throw error;
  }
}

/** A snapshot named by its id, an id prefix, or its name; newest first when a name is reused. */
export function findSnapshot(services: Services, scope: SnapshotScope, wanted: string) {
  const all = services.snapshots.list(scope);
  return all.find((s) => s.id === wanted) ?? all.find((s) => s.name === wanted) ?? all.find((s) => s.id.startsWith(wanted));
}

/** The condition's sentences, each snapshot to restore followed by the command that restores it. */
export function conditionLines(condition: DatabaseCondition, flags: TargetFlags, target: MigrationTarget): string[] {
  const restore = (id: string) => `  to restore it: ${restoreCommand(id, flags, target)}`;
  const interrupted = condition.interruptedReset;
  const lines: string[] = [];
  for (const notice of condition.notices) {
    lines.push(notice);
    if (notice === interrupted?.message && interrupted.snapshot) lines.push(restore(interrupted.snapshot.id));
  }
  const latest = condition.latestSnapshot;
  if (latest && latest.id !== interrupted?.snapshot?.id) lines.push(restore(latest.id));
  return lines;
}

/** Settles what killed snapshots left and says, on stderr, what must be known before acting on the database. */
export async function reportCondition(services: Services, ref: TargetRef, target: MigrationTarget, flags: TargetFlags): Promise<DatabaseCondition> {
  const condition = await services.reset.condition(ref, actorName('cli'));
  for (const line of conditionLines(condition, flags, target)) warn(`${line}\n`);
  return condition;
}

/** A command that found its database gone says so, with its latest snapshot (or the interrupted reset) and the command that restores it. */
export async function reportMissingDatabase(error: unknown, services: Services, ref: TargetRef, target: MigrationTarget, flags: TargetFlags): Promise<void> {
  if (!(error instanceof SwitchyardError) || error.code !== 'E_UNKNOWN_DATABASE') return;
  // The command's own error is the one to report: what we can add is a help, not a second failure.
  await reportCondition(services, ref, target, flags).catch(() => undefined);
}
