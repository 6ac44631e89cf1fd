// A database's lifecycle as a reset and snapshots need it, whatever the engine: who is connected,
// what we may do, and the destructive steps, each with the exact statements it will run.
import type { PrivilegeCheck, ResetMode, ResetSession } from '../../src-shared/model/reset';
import type { ConnectionTarget } from '../drivers/driver';
import { openPostgresLifecycle } from './postgresLifecycle';
import { openSqliteLifecycle } from './sqliteLifecycle';

export interface SnapshotCopy {
  location: string;
  sizeBytes: number;
  /** Sessions on the database ended so it could be copied (PostgreSQL clones need it idle). */
  sessionsEnded: number;
}

export interface DatabaseLifecycle {
  /** What the user types to confirm: the database name, or the SQLite file's name. */
  readonly databaseName: string;
  exists(): Promise<boolean>;
  sessions(): Promise<ResetSession[]>;
  privileges(mode: ResetMode): Promise<PrivilegeCheck>;
  /** May we take a snapshot (PostgreSQL: create a database from this one)? */
  snapshotPrivileges(): PrivilegeCheck;
  /** The statements of each step, in order, exactly as the step methods run them. */
  terminateStatements(): string[];
  dropStatements(): string[];
  createStatements(): string[];
  wipeStatements(): Promise<string[]>;
  restoreStatements(snapshotLocation: string): string[];
  snapshotStatements(snapshotLocation: string): string[];
  /** Returns how many sessions were ended. */
  terminate(): Promise<number>;
  drop(): Promise<void>;
  create(): Promise<void>;
  wipe(): Promise<void>;
  /** Creates the (dropped) database from the snapshot's copy: the wizard's restore step. */
  createFrom(snapshotLocation: string): Promise<void>;
  /** Replaces the database with the snapshot's copy: terminate, drop, createFrom. */
  restore(snapshotLocation: string): Promise<void>;
  /** A copy of the database as it is now, at a location named for the snapshot id. */
  snapshot(snapshotId: string): Promise<SnapshotCopy>;
  snapshotLocation(snapshotId: string): string;
  deleteSnapshot(location: string): Promise<void>;
  close(): Promise<void>;
}

export function openLifecycle(connection: ConnectionTarget, snapshotDir: string): Promise<DatabaseLifecycle> {
  return connection.engine === 'postgres' ? openPostgresLifecycle(connection) : openSqliteLifecycle(connection, snapshotDir);
}
