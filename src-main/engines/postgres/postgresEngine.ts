// PostgreSQL behind the Engine seam: a server reached over the network, databases by name.
import type { Engine } from '../engine';
import { postgresCatalog } from './postgresCatalog';
import { connectPostgres } from './postgresDriver';
import { openPostgresLifecycle } from './postgresLifecycle';
import { postgresPermissionFindings } from './postgresPermissions';
import { openPostgresRunSession } from './postgresRunSession';
import { postgresVersionTable } from './postgresVersionTable';
import { postgresSqlalchemyUrl } from './postgresUrl';

export const postgresEngine: Engine = {
  kind: 'postgres',
  connect: (target) => connectPostgres(target),
  connectToRead: (target) => connectPostgres(target),
  // Host names are case-insensitive; database names are not.
  databaseKey: (connection) => `postgres://${connection.host.toLowerCase()}:${connection.port}/${connection.database}`,
  location: (connection) => `${connection.user}@${connection.host}:${connection.port}/${connection.database}`,
  sqlalchemyUrl: postgresSqlalchemyUrl,
  catalog: postgresCatalog,
  permissionFindings: postgresPermissionFindings,
  versionTable: postgresVersionTable,
  openRunSession: openPostgresRunSession,
  // Snapshots are template databases on the server: no folder of ours.
  openLifecycle: (connection) => openPostgresLifecycle(connection),
};
