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
  /**
   * Other tools' bookkeeping found in the database (read when the status is asked of a connection): a
   * database migrated by golang-migrate read as a dbmate project shows everything pending, and this
   * says why, and what to do (--format, or `switchyard adopt --from`).
   */
  otherBookkeeping?: OtherBookkeeping[];
  /**
   * The tool's own bookkeeping forbids any run until someone looks (golang-migrate's dirty flag, a failed
   * Flyway or Prisma migration), said with the way out; read when the status is asked of a connection.
   */
  runRefusal?: string | null;
}

export interface OtherBookkeeping {
  format: ProjectFormat;
  tables: string[];
  /** How many revisions it records. */
  records: number;
}

/** In words, for the CLI and the app: whose bookkeeping it is, and what to do about it. */
export function otherBookkeepingLine(status: Pick<MigrationStatus, 'format' | 'initialised'>, other: OtherBookkeeping): string {
  const what = `this database also has ${other.format}'s bookkeeping (${other.tables.join(', ')}: ${other.records} record${other.records === 1 ? '' : 's'})`;
  if (status.initialised) return `${what}; this ${status.format} project reads its own.`;
  return `${what}, and none of this ${status.format} project's: if ${other.format} migrated it, read the project with --format ${other.format}, or record its history in ${status.format}'s table with \`switchyard adopt --from ${other.format}\`.`;
}
