// The SSH route's failures as specific errors, one code per way it fails; each carries the steps that
// did succeed (detail.tunnel), so "Test connection" can show how far it got. Never a secret.
import type { TunnelStep } from '../../../src-shared/model/connectionTest';
import { SwitchyardError } from '../../../src-shared/errors';
import { sshHopName } from '../../../src-shared/model/sshRoute';
import type { HostKey } from './hostKey';
import { keyKind } from './hostKey';
import type { SshHopTarget } from '../driver';

type Where = Pick<SshHopTarget, 'user' | 'host' | 'port'>;

export function sshUnreachable(hop: Where, cause: string, tunnel: TunnelStep[]): SwitchyardError {
  return new SwitchyardError('E_SSH_UNREACHABLE', `Could not reach the SSH host ${sshHopName(hop)}: ${cause}.`, { tunnel });
}

export function sshHostUnknown(hop: Where, position: number, key: HostKey, tunnel: TunnelStep[]): SwitchyardError {
  return new SwitchyardError(
    'E_SSH_HOST_UNKNOWN',
    `The SSH host ${hop.host}:${hop.port} is not known yet: its ${keyKind(key.type)} key's fingerprint is ${key.fingerprint}. ` +
      'Check it with the host’s administrator, then accept it (`switchyard profiles trust-host NAME`, or Accept in the connection form). Nothing was sent.',
    { tunnel, host: hop.host, port: hop.port, position, keyType: key.type, fingerprint: key.fingerprint },
  );
}

export function sshHostKeyChanged(
  hop: Where,
  position: number,
  offered: HostKey,
  expected: string,
  by: 'pinned' | 'known_hosts' | 'revoked',
  tunnel: TunnelStep[],
): SwitchyardError {
  const source =
    by === 'pinned'
      ? 'the key accepted for this connection'
      : by === 'known_hosts'
        ? 'the key ~/.ssh/known_hosts holds'
        : 'a key marked @revoked in ~/.ssh/known_hosts';
  return new SwitchyardError(
    'E_SSH_HOST_KEY_CHANGED',
    `The SSH host key of ${hop.host}:${hop.port} is not the one expected: expected ${expected} (${source}), offered ${offered.fingerprint} (${keyKind(offered.type)}). ` +
      'It was refused: someone may be intercepting the connection, or the host was reinstalled. Nothing was sent. ' +
      'If the administrator confirms the new key, accept it with `switchyard profiles edit NAME --accept-host-key …`.',
    { tunnel, host: hop.host, port: hop.port, position, expected, fingerprint: offered.fingerprint },
  );
}

export function sshAuthFailed(hop: SshHopTarget, why: string, tunnel: TunnelStep[]): SwitchyardError {
  return new SwitchyardError('E_SSH_AUTH_FAILED', `${sshHopName(hop)} ${why}.`, { tunnel, host: hop.host, port: hop.port });
}

/** What an auth method offered, in the refusal's sentence. */
export function offeredCredential(hop: SshHopTarget): string {
  if (hop.auth === 'key') return `the key ${hop.keyFile}`;
  if (hop.auth === 'agent') return 'every key of the SSH agent';
  return 'the password';
}

export function sshForwardDenied(hop: Where, to: string, description: string, tunnel: TunnelStep[]): SwitchyardError {
  return new SwitchyardError(
    'E_SSH_FORWARD_DENIED',
    `${sshHopName(hop)} refused to forward to ${to}${description ? ` (${description})` : ''}: its sshd may have AllowTcpForwarding off, or a PermitOpen that leaves it out.`,
    { tunnel, host: hop.host, port: hop.port },
  );
}

export function refusedThroughTunnel(hop: Where, to: string, description: string, tunnel: TunnelStep[]): SwitchyardError {
  return new SwitchyardError(
    'E_CONNECTION_REFUSED',
    `${to} refused the connection from the SSH host ${sshHopName(hop)}${description ? ` (${description})` : ''}: is PostgreSQL running and listening there, as that host sees it?`,
    { tunnel },
  );
}
