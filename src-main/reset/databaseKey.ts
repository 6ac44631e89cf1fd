// Which database a snapshot belongs to, whichever profile reaches it: the server and the database's
// name, or the SQLite file's real path. Two profiles of one database share its snapshots.
import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { ConnectionTarget } from '../drivers/driver';

/** A missing file (a reset stopped after deleting it) keys by its folder's real path, as it did when present. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

export function databaseKeyOf(connection: Pick<ConnectionTarget, 'engine' | 'host' | 'port' | 'database' | 'sqlitePath'>): string {
  if (connection.engine === 'sqlite') return `sqlite:${realPath(connection.sqlitePath)}`;
  // Host names are case-insensitive; database names are not.
  return `postgres://${connection.host.toLowerCase()}:${connection.port}/${connection.database}`;
}
