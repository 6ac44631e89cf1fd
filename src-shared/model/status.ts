// Where a database stands against its migration project: what the runner, the graph overlay,
// the inventory and the reset wizard all read.
import type { ProjectFormat } from './revision';

/** One row of the database's bookkeeping (native projects keep all of these; Alembic only ids). */
export interface AppliedRecord {
  revision: string;
  checksum: string | null;
  appliedAt: string | null;
  appliedBy: string | null;
  durationMs: number | null;
}

export interface PendingBranch {
  /** The project head this branch leads to. */
  head: string;
  /** Unapplied revisions needed to reach it, in the order an upgrade would run them. */
  revisions: string[];
}

/** Where one database stands against its migration project: applied, pending, unknown and changed revisions. */
export interface MigrationStatus {
  format: ProjectFormat;
  project: string;
  /** Every applied revision known to the files (ancestors of recorded heads included). */
  applied: string[];
  /** Applied revisions with no applied child: where the database stands. */
  heads: string[];
  /** Revisions not applied, in upgrade order. */
  pending: string[];
  pendingByBranch: PendingBranch[];
  /** Recorded in the database, defined by no file. */
  unknown: string[];
  /** Applied, and the file's up-SQL changed since (native projects). */
  changed: string[];
  /** The project's heads, for "up to date" at a glance. */
  projectHeads: string[];
  records: AppliedRecord[];
  /** False when the bookkeeping table does not exist yet (nothing ever applied). */
  initialised: boolean;
  /** Why `upgrade heads` cannot apply what is pending (a cycle, a missing parent); null when it can. */
  blockedBy: string | null;
}
