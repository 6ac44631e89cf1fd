// The one way a connection is made through its SSH route: a lease on the route's tunnel and the address
// to connect to instead of the database's; a direct connection gets no lease and its own address.
import type { ConnectionTarget } from '../driver';
import { tunnels, type TunnelLease } from './tunnelPool';

export interface Route {
  /** Where to connect: the tunnel's local end, or the database itself. */
  host: string;
  port: number;
  /** Present when the connection goes through a tunnel; released when the connection closes. */
  lease?: TunnelLease;
}

export async function routeTo(target: ConnectionTarget): Promise<Route> {
  if (!target.ssh?.length) return { host: target.host, port: target.port };
  const lease = await tunnels.acquire(target);
  return { host: lease.host, port: lease.port, lease };
}
