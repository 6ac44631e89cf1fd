// SQLite behind the Engine seam: the database is a local file, opened in this process.
import { existsSync } from 'node:fs';
import type { Engine } from '../engine';
import { sqliteCatalog } from './sqliteCatalog';
import { connectSqlite } from './sqliteDriver';
import { realPath } from './sqliteFilePath';
import { openSqliteLifecycle } from './sqliteLifecycle';
import { openSqliteRunSession } from './sqliteRunSession';
import { sqliteVersionTable } from './sqliteVersionTable';
import { sqliteRefusedInTransaction } from './sqliteTransactionRules';
import { openSqliteScratch } from './sqliteScratch';
import { readSqliteSchema } from './sqliteSchema';
import { sqliteSchemaSql } from './sqliteSchemaSql';
import { openSqliteClone, watchSqliteLocks } from './sqliteClone';
import { openSqliteSnapshotToRead } from './sqliteSnapshotRead';

export const sqliteEngine: Engine = {
  kind: 'sqlite',
  connect: connectSqlite,
  // A file not yet created reads as the empty database it will be, through an in-memory stand-in.
  connectToRead: (target) => (existsSync(target.sqlitePath) ? connectSqlite(target) : connectSqlite({ ...target, sqlitePath: ':memory:' }, { create: true })),
  databaseKey: (connection) => `sqlite:${realPath(connection.sqlitePath)}`,
  location: (connection) => connection.sqlitePath,
  sameDestination: (saved, asked) => saved.sqlitePath === asked.sqlitePath,
  destinationName: (destination) => destination.sqlitePath,
  sqlalchemyUrl: (target) => `sqlite:///${target.sqlitePath}`,
  catalog: sqliteCatalog,
  // One schema, main: the option naming schemas is PostgreSQL's.
  schema: { read: (driver) => readSqliteSchema(driver), sqlToMatch: sqliteSchemaSql },
  // Whether the file may be written is the read-only flag's and the file system's to say, at the first write.
  permissionFindings: async () => [],
  versionTable: sqliteVersionTable,
  refusedInTransaction: (_driver, sql) => sqliteRefusedInTransaction(sql),
  openRunSession: openSqliteRunSession,
  openLifecycle: openSqliteLifecycle,
  openScratch: (_near, place) => openSqliteScratch(place),
  openClone: (source, place) => openSqliteClone(source, place),
  watchLocks: watchSqliteLocks,
  openSnapshotToRead: (_near, location) => openSqliteSnapshotToRead(location),
};
