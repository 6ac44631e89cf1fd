// Where one bound database stands: the runner's status of its connection narrowed to the revisions
// that live on it. Another database's revisions are never "pending" here; recorded here, they are
// said (`foreign`), since its version table should hold only its own branch.
import type { MigrationStatus } from '../model/status';
import type { BindingOwnership } from './bindingOwnership';

export interface DatabaseStanding {
  /** Its own revisions applied, in the status's order. */
  applied: string[];
  /** Its own applied revisions with no applied child: where it stands (empty: base). */
  heads: string[];
  /** Its own revisions not applied, in upgrade order. */
  pending: string[];
  pendingByBranch: MigrationStatus['pendingByBranch'];
  /** Revisions of other databases (or of none) recorded as applied on this one. */
  foreign: string[];
  unknown: string[];
  changed: string[];
  initialised: boolean;
  blockedBy: string | null;
}

export function databaseStanding(ownership: BindingOwnership, role: string, status: MigrationStatus): DatabaseStanding {
  const mine = (id: string) => ownership.owner.get(id) === role;
  return {
    applied: status.applied.filter(mine),
    heads: status.heads.filter(mine),
    pending: status.pending.filter(mine),
    pendingByBranch: status.pendingByBranch.filter((b) => mine(b.head)).map((b) => ({ head: b.head, revisions: b.revisions.filter(mine) })),
    foreign: status.applied.filter((id) => !mine(id)),
    unknown: status.unknown,
    changed: status.changed.filter(mine),
    initialised: status.initialised,
    blockedBy: status.blockedBy,
  };
}
