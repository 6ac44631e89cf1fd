// A stored password belongs to the destination it was saved for: it is only ever sent to that engine,
// address, database and user, over the same TLS settings. Anywhere else it has to be typed again.
import type { Profile, ValidProfileInput } from '../../src-shared/model/profile';
import { engineFor } from '../engines/engineFor';

type Destination = Pick<Profile, 'engine' | 'host' | 'port' | 'database' | 'user' | 'sslMode' | 'sslCaFile' | 'sqlitePath'>;

export function sameDestination(saved: Destination, asked: Destination | ValidProfileInput): boolean {
  return saved.engine === asked.engine && engineFor(saved.engine).sameDestination(saved, asked);
}

/** "app@db.internal:5432/orders (SSL require)", or the SQLite file: where a password was saved for, in messages. */
export function destinationName(destination: Destination | ValidProfileInput): string {
  return engineFor(destination.engine).destinationName(destination);
}
