// Opens a profile's SSH route: signs in to each host in turn, each after the first over a forward from
// the one before (ProxyJump), then checks the last host will forward to the database by opening one
// channel there. What each step did is recorded for "Test connection".
import type { Duplex } from 'node:stream';
import type { Client } from 'ssh2';
import type { TunnelStep } from '../../../src-shared/model/connectionTest';
import { sshHopName } from '../../../src-shared/model/sshRoute';
import type { ConnectionTarget, SshHopTarget } from '../driver';
import { connectHop } from './sshHopClient';
import { refusedThroughTunnel, sshForwardDenied, sshUnreachable } from './sshErrors';

/** RFC 4254 §5.1 reason codes of a refused channel. */
const administrativelyProhibited = 1;
const connectFailed = 2;

export interface OpenRoute {
  clients: Client[];
  tunnel: TunnelStep[];
}

/** A channel from `client` to host:port (a direct-tcpip forward, as `ssh -W` and `-L` open). */
export function forwardFrom(client: Client, host: string, port: number): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    client.forwardOut('127.0.0.1', 0, host, port, (error, channel) => (error ? reject(error) : resolve(channel)));
  });
}

async function forwardOrFail(client: Client, from: SshHopTarget, to: { host: string; port: number; user?: string }, tunnel: TunnelStep[]): Promise<Duplex> {
  try {
    return await forwardFrom(client, to.host, to.port);
  } catch (error) {
    const { reason, message } = error as Error & { reason?: number };
    const description = message.replace(/^\(SSH\) Channel open failure:\s*/, '');
    const toName = `${to.host}:${to.port}`;
    if (reason === administrativelyProhibited) throw sshForwardDenied(from, toName, description, tunnel);
    if (reason === connectFailed && to.user !== undefined) {
      throw sshUnreachable({ user: to.user, host: to.host, port: to.port }, `${sshHopName(from)} could not open a connection to it (${description})`, tunnel);
    }
    if (reason === connectFailed) throw refusedThroughTunnel(from, toName, description, tunnel);
    throw sshForwardDenied(from, toName, description, tunnel);
  }
}

export async function openRoute(target: ConnectionTarget): Promise<OpenRoute> {
  const hops = target.ssh ?? [];
  const timeoutMs = target.timeoutMs ?? 10_000;
  const tunnel: TunnelStep[] = [];
  const clients: Client[] = [];
  try {
    let sock: Duplex | undefined;
    for (const [position, hop] of hops.entries()) {
      const client = await connectHop(hop, position, sock, timeoutMs, tunnel);
      clients.push(client);
      const next = hops[position + 1];
      if (next) sock = await forwardOrFail(client, hop, next, tunnel);
    }
    const last = hops[hops.length - 1];
    const lastClient = clients[clients.length - 1];
    if (!last || !lastClient) return { clients, tunnel };
    const probe = await forwardOrFail(lastClient, last, { host: target.host, port: target.port }, tunnel);
    probe.destroy();
    tunnel.push({ step: 'forwarded', where: `${target.host}:${target.port}`, detail: `through ${sshHopName(last)}` });
    return { clients, tunnel };
  } catch (error) {
    for (const client of clients.reverse()) client.end();
    throw error;
  }
}
