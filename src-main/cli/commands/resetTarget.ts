// Which database a reset or snapshot command works on, and the store its snapshots are kept in:
// both need the store, also with --url (snapshots are recorded there).
import type { MigrationTarget } from '../../runner/migrationTarget';
import type { SnapshotScope } from '../../reset/snapshots';
import type { Services } from '../../services';
import { openServices } from '../openServices';
import { requireOneTarget, targetFromProfileFlag, targetFromUrl, type TargetFlags } from '../targetFlags';

export async function resolveSnapshotScope(flags: TargetFlags): Promise<{ scope: SnapshotScope; services: Services }> {
  requireOneTarget(flags);
  const services = await openServices();
  try {
    if (flags.profile) {
      const target: MigrationTarget = targetFromProfileFlag(services, flags);
      const profile = services.profiles.findByName(flags.profile) ?? services.profiles.get(flags.profile);
      return { scope: { key: profile.id, target }, services };
    }
    const target = targetFromUrl(flags);
    return { scope: { key: `url:${target.name}`, target }, services };
  } catch (error) {
    services.close();
    throw error;
  }
}

/** A snapshot named by its id, an id prefix, or its name; newest first when a name is reused. */
export function findSnapshot(services: Services, scope: SnapshotScope, wanted: string) {
  const all = services.snapshots.list(scope.key);
  return all.find((s) => s.id === wanted) ?? all.find((s) => s.name === wanted) ?? all.find((s) => s.id.startsWith(wanted));
}
