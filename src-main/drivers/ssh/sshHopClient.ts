// Signs in to one SSH host of a route with ssh2: its host key checked before anything is sent
// (hostKeyVerdict), then the one way of signing in the profile names (a key file, the agent at
// SSH_AUTH_SOCK, or a password). A jump host's connection runs over the previous host's forward (`sock`).
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import type { Client, ConnectConfig } from 'ssh2';
import type { TunnelStep } from '../../../src-shared/model/connectionTest';
import { SwitchyardError } from '../../../src-shared/errors';
import { sshHopName } from '../../../src-shared/model/sshRoute';
import type { SshHopTarget } from '../driver';
import { hostKeyOf, keyKind, type HostKey } from './hostKey';
import { hostKeyVerdict, type HostKeyVerdict } from './hostKeyVerdict';
import { knownHostKeys } from './knownHosts';
import { offeredCredential, sshAuthFailed, sshHostKeyChanged, sshHostUnknown, sshUnreachable } from './sshErrors';

/** How long an unanswered keep-alive is waited for, times the count, before the tunnel is declared dead. */
const keepaliveIntervalMs = 15_000;
const keepaliveCountMax = 4;

function knownHostsText(): string {
  try {
    return readFileSync(join(homedir(), '.ssh', 'known_hosts'), 'utf8');
  } catch {
    return '';
  }
}

type Credentials = Pick<ConnectConfig, 'privateKey' | 'passphrase' | 'agent' | 'password'>;

function credentials(hop: SshHopTarget, tunnel: TunnelStep[]): Credentials {
  switch (hop.auth) {
    case 'key': {
      let privateKey: Buffer;
      try {
        privateKey = readFileSync(hop.keyFile);
      } catch {
        throw new SwitchyardError('E_FILE_NOT_FOUND', `The SSH key file ${hop.keyFile} (for ${sshHopName(hop)}) cannot be read.`, { tunnel });
      }
      return hop.secret ? { privateKey, passphrase: hop.secret } : { privateKey };
    }
    case 'agent': {
      const agent = process.env.SSH_AUTH_SOCK;
      if (!agent) throw sshAuthFailed(hop, 'is to be signed in to with the SSH agent, and no agent is running here (SSH_AUTH_SOCK is not set)', tunnel);
      return { agent };
    }
    case 'password':
      if (!hop.secret) throw sshAuthFailed(hop, 'is signed in to with a password, and none is stored', tunnel);
      return { password: hop.secret };
  }
}

/** ssh2's reason for a private key it cannot use, as a sentence. */
function keyProblem(message: string): string | undefined {
  if (/no passphrase given/i.test(message)) return 'needs the passphrase of its key file, and none is stored';
  if (/bad passphrase|integrity check failed/i.test(message)) return 'cannot be signed in to: the stored passphrase does not decrypt the key file';
  if (/Cannot parse privateKey|Unsupported key format/i.test(message)) return 'cannot be signed in to: the key file is not a private key ssh2 can read';
  return undefined;
}

/** Connects and signs in to `hop`; the steps it passes are pushed onto `tunnel` as they happen. */
export async function connectHop(hop: SshHopTarget, position: number, sock: Duplex | undefined, timeoutMs: number, tunnel: TunnelStep[]): Promise<Client> {
  const auth = credentials(hop, tunnel);
  const { Client: SshClient } = await import('ssh2');
  const client = new SshClient();
  let offered: HostKey | undefined;
  let verdict: HostKeyVerdict | undefined;
  const known = knownHostKeys(knownHostsText(), hop.host, hop.port);
  const where = sshHopName(hop);
  return new Promise<Client>((resolve, reject) => {
    const fail = (error: Error) => {
      client.end();
      reject(error);
    };
    client.once('ready', () => {
      tunnel.push({ step: 'authenticated', where, detail: hop.auth === 'key' ? `key ${hop.keyFile}` : hop.auth === 'agent' ? 'SSH agent' : 'password' });
      client.removeAllListeners('error');
      // A route already up loses a host later: the pool hears it through 'close'.
      client.on('error', () => undefined);
      resolve(client);
    });
    client.once('error', (error: Error & { level?: string; code?: string }) => {
      if (offered && verdict && !verdict.accepted) {
        if (verdict.why === 'unknown') return fail(sshHostUnknown(hop, position, offered, tunnel));
        const expected = verdict.why === 'changed' ? verdict.expected : offered.fingerprint;
        return fail(sshHostKeyChanged(hop, position, offered, expected, verdict.why === 'changed' ? verdict.by : 'revoked', tunnel));
      }
      const problem = keyProblem(error.message);
      if (problem) return fail(sshAuthFailed(hop, problem, tunnel));
      if (error.level === 'client-authentication') return fail(sshAuthFailed(hop, `refused ${offeredCredential(hop)} for user "${hop.user}"`, tunnel));
      if (error.level === 'client-timeout') return fail(sshUnreachable(hop, `no SSH handshake within ${Math.round(timeoutMs / 1000)} s`, tunnel));
      const cause =
        error.code === 'ECONNREFUSED'
          ? 'connection refused (is sshd listening on that port?)'
          : error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN'
            ? 'the host name could not be resolved'
            : error.message;
      return fail(sshUnreachable(hop, cause, tunnel));
    });
    try {
      client.connect({
        host: hop.host,
        port: hop.port,
        username: hop.user,
        ...(sock ? { sock } : {}),
        ...auth,
        tryKeyboard: false,
        readyTimeout: timeoutMs,
        keepaliveInterval: keepaliveIntervalMs,
        keepaliveCountMax,
        hostVerifier: (blob: Buffer) => {
          offered = hostKeyOf(blob);
          verdict = hostKeyVerdict(offered, hop.hostKey, known);
          if (verdict.accepted)
            tunnel.push({
              step: 'reached',
              where,
              detail: `${keyKind(offered.type)} key ${offered.fingerprint} (${verdict.by === 'pinned' ? 'accepted' : 'in known_hosts'})`,
            });
          return verdict.accepted;
        },
      });
    } catch (error) {
      const problem = keyProblem((error as Error).message);
      fail(problem ? sshAuthFailed(hop, problem, tunnel) : sshUnreachable(hop, (error as Error).message, tunnel));
    }
  });
}
