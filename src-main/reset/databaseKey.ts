// Which database a snapshot belongs to, whichever profile reaches it: the server and the database's
// name, or the SQLite file's real path. Two profiles of one database share its snapshots.
import type { ConnectionTarget } from '../drivers/driver';
import { engineFor } from '../engines/engineFor';

export function databaseKeyOf(connection: Pick<ConnectionTarget, 'engine' | 'host' | 'port' | 'database' | 'sqlitePath'>): string {
  return engineFor(connection.engine).databaseKey(connection);
}
