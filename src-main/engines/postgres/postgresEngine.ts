// PostgreSQL behind the Engine seam: a server reached over the network, databases by name.
import type { Destination, Engine } from '../engine';
import { postgresCatalog } from './postgresCatalog';
import { connectPostgres } from './postgresDriver';
import { openPostgresLifecycle } from './postgresLifecycle';
import { postgresPermissionFindings } from './postgresPermissions';
import { openPostgresRunSession } from './postgresRunSession';
import { postgresVersionTable } from './postgresVersionTable';
import { postgresSqlalchemyUrl } from './postgresUrl';
import { postgresRefusedInTransaction } from './postgresTransactionRules';
import { openPostgresScratch } from './postgresScratch';
import { readPostgresSchema } from './postgresSchema';
import { postgresSchemaSql } from './postgresSchemaSql';
import { openPostgresClone } from './postgresClone';
import { watchPostgresLocks } from './postgresLockWatch';
import { openPostgresSnapshotToRead } from './postgresSnapshotRead';

const location = (connection: Destination) => `${connection.user}@${connection.host}:${connection.port}/${connection.database}`;

export const postgresEngine: Engine = {
  kind: 'postgres',
  connect: (target) => connectPostgres(target),
  connectToRead: (target) => connectPostgres(target),
  // Host names are case-insensitive; database names are not.
  databaseKey: (connection) => `postgres://${connection.host.toLowerCase()}:${connection.port}/${connection.database}`,
  location,
  sameDestination: (saved, asked) =>
    saved.host.toLowerCase() === asked.host.toLowerCase() &&
    saved.port === asked.port &&
    saved.database === asked.database &&
    saved.user === asked.user &&
    saved.sslMode === asked.sslMode &&
    saved.sslCaFile === asked.sslCaFile,
  destinationName: (destination) => `${location(destination)} (SSL ${destination.sslMode})`,
  sqlalchemyUrl: postgresSqlalchemyUrl,
  catalog: postgresCatalog,
  schema: { read: readPostgresSchema, sqlToMatch: postgresSchemaSql },
  permissionFindings: postgresPermissionFindings,
  versionTable: postgresVersionTable,
  refusedInTransaction: postgresRefusedInTransaction,
  openRunSession: openPostgresRunSession,
  // Snapshots are template databases on the server: no folder of ours.
  openLifecycle: (connection) => openPostgresLifecycle(connection),
  openScratch: openPostgresScratch,
  openClone: openPostgresClone,
  watchLocks: watchPostgresLocks,
  openSnapshotToRead: openPostgresSnapshotToRead,
};
