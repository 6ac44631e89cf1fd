// SSH tunnels shared by the connections of a route: the local end listens on 127.0.0.1 on a port the
// system picks, every connection to it is forwarded to the database through the route's last host,
// and the route is signed in to once for all of them. Counted by lease; closed a few seconds after its
// last lease ends (or at once by closeAll, when the services close), and opened again when next asked for.
import { createHash } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import type { Client } from 'ssh2';
import type { TunnelStep } from '../../../src-shared/model/connectionTest';
import type { ConnectionTarget } from '../driver';
import { forwardFrom, openRoute } from './sshRouteOpen';

/** How long an unused tunnel stays open: a screen's reads come in bursts a little apart. */
const lingerMs = 5_000;

export interface TunnelLease {
  /** The local end: connect here instead of the database's host and port. */
  host: string;
  port: number;
  /** How the route was opened (the steps of the first lease's opening, shared by the later ones). */
  tunnel: TunnelStep[];
  release(): void;
}

interface Tunnel {
  key: string;
  clients: Client[];
  server: Server;
  /** The local connections forwarded now. */
  sockets: Set<Socket>;
  port: number;
  tunnel: TunnelStep[];
  leases: number;
  idle?: ReturnType<typeof setTimeout>;
  closed: boolean;
}

/**
 * Which tunnel a target can share: the same hosts, ways in, secrets and pinned keys, to the same database
 * server. A secret counts (as its hash) so a test with another password or passphrase signs in again.
 */
function routeKey(target: ConnectionTarget): string {
  const hops = (target.ssh ?? []).map(({ host, port, user, auth, keyFile, hostKey, secret }) => [
    host.toLowerCase(),
    port,
    user,
    auth,
    keyFile,
    hostKey,
    createHash('sha256')
      .update(secret ?? '')
      .digest('base64'),
  ]);
  return JSON.stringify([hops, target.host.toLowerCase(), target.port]);
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

export class TunnelPool {
  private readonly tunnels = new Map<string, Promise<Tunnel>>();

  /** A lease on the target's tunnel, opening it when none is open. Only for a target with an SSH route. */
  async acquire(target: ConnectionTarget): Promise<TunnelLease> {
    const key = routeKey(target);
    let opening = this.tunnels.get(key);
    if (!opening) {
      opening = this.open(key, target);
      this.tunnels.set(key, opening);
      opening.catch(() => this.tunnels.delete(key));
    }
    const tunnel = await opening;
    if (tunnel.closed) {
      if (this.tunnels.get(key) === opening) this.tunnels.delete(key);
      return this.acquire(target);
    }
    tunnel.leases += 1;
    clearTimeout(tunnel.idle);
    let released = false;
    return {
      host: '127.0.0.1',
      port: tunnel.port,
      tunnel: tunnel.tunnel,
      release: () => {
        if (released) return;
        released = true;
        tunnel.leases -= 1;
        if (tunnel.leases === 0) {
          tunnel.idle = setTimeout(() => this.close(tunnel), lingerMs);
          tunnel.idle.unref();
        }
      },
    };
  }

  /** Closes every tunnel now, leased or not: the services are closing. */
  closeAll(): void {
    for (const opening of this.tunnels.values())
      void opening.then(
        (tunnel) => this.close(tunnel),
        () => undefined,
      );
    this.tunnels.clear();
  }

  /** How many tunnels are open (for tests and the bench). */
  async openCount(): Promise<number> {
    const tunnels = await Promise.all([...this.tunnels.values()].map((opening) => opening.catch(() => undefined)));
    return tunnels.filter((tunnel) => tunnel && !tunnel.closed).length;
  }

  private async open(key: string, target: ConnectionTarget): Promise<Tunnel> {
    const { clients, tunnel: steps } = await openRoute(target);
    const last = clients[clients.length - 1] as Client;
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
      forwardFrom(last, target.host, target.port).then(
        (channel) => {
          channel.on('error', () => socket.destroy());
          channel.once('close', () => socket.destroy());
          socket.once('close', () => channel.destroy());
          socket.pipe(channel).pipe(socket);
        },
        () => socket.destroy(),
      );
    });
    let port: number;
    try {
      port = await listen(server);
    } catch (error) {
      for (const client of clients) client.end();
      throw error;
    }
    const tunnel: Tunnel = { key, clients, server, sockets, port, tunnel: steps, leases: 0, closed: false };
    // Any host of the chain gone (keep-alives unanswered, sshd restarted) ends the whole tunnel.
    for (const client of clients) client.once('close', () => this.close(tunnel));
    return tunnel;
  }

  private close(tunnel: Tunnel): void {
    if (tunnel.closed) return;
    tunnel.closed = true;
    clearTimeout(tunnel.idle);
    tunnel.server.close();
    for (const socket of tunnel.sockets) socket.destroy();
    for (const client of [...tunnel.clients].reverse()) client.end();
    void this.tunnels.get(tunnel.key)?.then((current) => {
      if (current === tunnel) this.tunnels.delete(tunnel.key);
    });
  }
}

/** The process's one pool: every connection of every feature goes through it (postgresDriver, alembicCommand). */
export const tunnels = new TunnelPool();
