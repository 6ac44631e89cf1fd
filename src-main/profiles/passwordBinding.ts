// A stored password belongs to the destination it was saved for: it is only ever sent to that engine,
// address, database and user, over the same TLS settings. Anywhere else it has to be typed again.
import type { Profile, ValidProfileInput } from '../../src-shared/model/profile';

type Destination = Pick<Profile, 'engine' | 'host' | 'port' | 'database' | 'user' | 'sslMode' | 'sslCaFile' | 'sqlitePath'>;

export function sameDestination(saved: Destination, asked: Destination | ValidProfileInput): boolean {
  if (saved.engine !== asked.engine) return false;
  if (saved.engine === 'sqlite') return saved.sqlitePath === asked.sqlitePath;
  return (
    saved.host.toLowerCase() === asked.host.toLowerCase() &&
    saved.port === asked.port &&
    saved.database === asked.database &&
    saved.user === asked.user &&
    saved.sslMode === asked.sslMode &&
    saved.sslCaFile === asked.sslCaFile
  );
}

/** "app@db.internal:5432/orders", or the SQLite file: where a password was saved for, in messages. */
export function destinationName(destination: Destination | ValidProfileInput): string {
  return destination.engine === 'sqlite' ? destination.sqlitePath : `${destination.user}@${destination.host}:${destination.port}/${destination.database}`;
}
