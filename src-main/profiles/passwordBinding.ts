// A stored password belongs to the destination it was saved for: it is only ever sent to that engine,
// address, database and user, over the same TLS settings and the same SSH hosts. Anywhere else it has
// to be typed again.
import type { Profile, ValidProfileInput } from '../../src-shared/model/profile';
import { sshHopName } from '../../src-shared/model/sshRoute';
import { engineFor } from '../engines/engineFor';

type Destination = Pick<Profile, 'engine' | 'host' | 'port' | 'database' | 'user' | 'sslMode' | 'sslCaFile' | 'sqlitePath'> & {
  ssh?: Profile['ssh'] | ValidProfileInput['ssh'];
};

/** The SSH hosts a connection goes through, by address; a route not given (an edit that keeps it) is the saved one. */
function sameRoute(saved: Destination['ssh'], asked: Destination['ssh']): boolean {
  if (asked === undefined) return true;
  const hosts = (route: NonNullable<Destination['ssh']>) => route.map((hop) => `${hop.host.toLowerCase()}:${hop.port}`).join(' ');
  return hosts(saved ?? []) === hosts(asked);
}

export function sameDestination(saved: Destination, asked: Destination | ValidProfileInput): boolean {
  return saved.engine === asked.engine && engineFor(saved.engine).sameDestination(saved, asked) && sameRoute(saved.ssh, asked.ssh);
}

/** "app@db.internal:5432/orders (SSL require) via deploy@bastion", or the SQLite file: where a password was saved for, in messages. */
export function destinationName(destination: Destination | ValidProfileInput): string {
  const route = destination.ssh?.length
    ? ` via ${destination.ssh.map((hop) => sshHopName({ user: hop.user, host: hop.host, port: hop.port ?? 22 })).join(' → ')}`
    : '';
  return `${engineFor(destination.engine).destinationName(destination)}${route}`;
}
