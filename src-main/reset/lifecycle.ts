// A database's lifecycle as a reset and snapshots need it, whatever the engine: who is connected,
// what we may do, and the destructive steps, each with its title and the exact statements it will run.
// Each engine opens its own (src-main/engines/*/…Lifecycle.ts).
import type { DatabaseShapeRecord, PrivilegeCheck, ResetMode, ResetSession, Snapshot } from '../../src-shared/model/reset';

export interface SnapshotCopy {
  location: string;
  sizeBytes: number;
  /** Sessions on the database ended so it could be copied (PostgreSQL clones need it idle). */
  sessionsEnded: number;
}

/**
 * What a recreate gives a database: undefined when it is there to copy its shape from; for one that is
 * gone, the shape recorded with its newest snapshot, or 'unknown' when no snapshot recorded one.
 */
export type RecreatedShape = { shape: DatabaseShapeRecord; from: Snapshot } | undefined | 'unknown';

export interface DatabaseLifecycle {
  /** What the user types to confirm: the database name, or the SQLite file's name. */
  readonly databaseName: string;
  exists(): Promise<boolean>;
  /** PostgreSQL: owner, encoding and collation now (a snapshot records them); undefined when missing, or on SQLite. */
  recordedShape(): DatabaseShapeRecord | undefined;
  sessions(): Promise<ResetSession[]>;
  privileges(mode: ResetMode): Promise<PrivilegeCheck>;
  /** May we take a snapshot (PostgreSQL: create a database from this one)? */
  snapshotPrivileges(): PrivilegeCheck;
  /** Where a snapshot's copy goes, in the user's words (the Safety net step says it before one is taken). */
  readonly snapshotPlace: string;
  /** The drop step's title: what the user will see go. */
  readonly dropTitle: string;
  /** The drop step's title in mode wipe, where the database stays and what it holds goes. */
  readonly wipeTitle: string;
  createTitle(recreated: RecreatedShape): string;
  /** The statements of each step, in order, exactly as the step methods run them. */
  terminateStatements(): string[];
  dropStatements(): string[];
  /** `recorded`: the shape a snapshot recorded, for a database that is gone (else: the one there now). */
  createStatements(recorded?: DatabaseShapeRecord): string[];
  wipeStatements(): Promise<string[]>;
  restoreStatements(snapshotLocation: string, recorded?: DatabaseShapeRecord): string[];
  snapshotStatements(snapshotLocation: string): string[];
  /** Returns how many sessions were ended. */
  terminate(): Promise<number>;
  drop(): Promise<void>;
  create(recorded?: DatabaseShapeRecord): Promise<void>;
  wipe(): Promise<void>;
  /**
   * Replaces the database (or creates it, when gone) with the snapshot's copy, recreating the recorded
   * owner. Destroys last: the copy is made beside the database first; on any failure the database is
   * as it was and the error (E_RESTORE_FAILED) says so.
   */
  restore(snapshotLocation: string, recorded?: DatabaseShapeRecord): Promise<void>;
  /** The copy a killed restore had replaced and not yet dropped, if any. */
  replacedCopy(): Promise<string | undefined>;
  /** A copy of the database as it is now, at a location named for the snapshot id. */
  snapshot(snapshotId: string): Promise<SnapshotCopy>;
  /**
   * After a killed snapshot: its size when the copy is complete (and now closed), 'in progress' when the
   * server is still making it, else undefined once what was half-made is removed.
   */
  settleSnapshot(location: string): Promise<number | 'in progress' | undefined>;
  snapshotLocation(snapshotId: string): string;
  deleteSnapshot(location: string): Promise<void>;
  close(): Promise<void>;
}
