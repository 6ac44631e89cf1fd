// The SSH route of `profiles add|edit|test` from flags: `--ssh USER@HOST[:PORT]` once per host,
// outermost first, one way of signing in for all of them, `--accept-host-key` per host in the same
// order; and how the route's steps are printed.
import type { TunnelStep } from '../../src-shared/model/connectionTest';
import type { ProfileInput } from '../../src-shared/model/profile';
import { parseSshDestination, sshFingerprintPattern, type SshAuth, type SshHopInput } from '../../src-shared/model/sshRoute';
import { resolve } from 'node:path';
import { readStdinLine } from './prompt';
import { UsageError } from './output';

export const sshFlagOptions = {
  ssh: { type: 'string', multiple: true },
  'ssh-key': { type: 'string' },
  'ssh-agent': { type: 'boolean' },
  'ssh-password-stdin': { type: 'boolean' },
  'ssh-passphrase-stdin': { type: 'boolean' },
  'accept-host-key': { type: 'string', multiple: true },
  'no-ssh': { type: 'boolean' },
} as const;

export const sshUsage = `SSH tunnel (the database is reached through these hosts; PostgreSQL only):
  --ssh USER@HOST[:PORT]        an SSH host (port 22 by default); repeat it for a chain of jump hosts,
                                outermost first (as ssh's ProxyJump); replaces the stored route
  --ssh-key FILE                sign in to every host with this private key file
  --ssh-passphrase-stdin        the key file's passphrase, from the first line of stdin (kept in the store)
  --ssh-agent                   sign in with the keys of the running SSH agent (SSH_AUTH_SOCK)
  --ssh-password-stdin          sign in with a password, from the first line of stdin (kept in the store)
  --accept-host-key SHA256:…    the host key to accept, as ssh prints it; repeat it per host, same order
  --no-ssh                      connect directly again (edit)
  A host whose key is neither accepted nor in ~/.ssh/known_hosts is refused: \`profiles test\` prints
  its fingerprint (E_SSH_HOST_UNKNOWN), and \`profiles trust-host NAME\` accepts what it shows.`;

type SshFlags = {
  ssh?: string[] | undefined;
  'ssh-key'?: string | undefined;
  'ssh-agent'?: boolean | undefined;
  'ssh-password-stdin'?: boolean | undefined;
  'ssh-passphrase-stdin'?: boolean | undefined;
  'accept-host-key'?: string[] | undefined;
  'no-ssh'?: boolean | undefined;
  'password-stdin'?: boolean | undefined;
};

/** The one way of signing in the flags name, or undefined when they name none. */
function authOf(flags: SshFlags): SshAuth | undefined {
  const named = [flags['ssh-key'] !== undefined && 'key', flags['ssh-agent'] && 'agent', flags['ssh-password-stdin'] && 'password'].filter(
    (auth): auth is SshAuth => typeof auth === 'string',
  );
  if (named.length > 1) throw new UsageError('Give one way of signing in to SSH: --ssh-key, --ssh-agent or --ssh-password-stdin.');
  return named[0];
}

/** True when any SSH flag was given. */
function hasSshFlags(flags: SshFlags): boolean {
  return Object.keys(sshFlagOptions).some((flag) => flags[flag as keyof SshFlags] !== undefined);
}

/**
 * Applies the SSH flags to `input` (whose `ssh` is the stored route on edit). `--ssh` replaces the hosts,
 * keeping a host's accepted key when the same host stays at the same place; the other flags change
 * every host of the route there is.
 */
export async function applySshFlags(input: ProfileInput, flags: SshFlags): Promise<void> {
  if (flags['no-ssh']) {
    if (hasSshFlags({ ...flags, 'no-ssh': undefined })) throw new UsageError('--no-ssh removes the tunnel: give no other SSH flag with it.');
    input.ssh = [];
    return;
  }
  const secretOnStdin = flags['ssh-password-stdin'] || flags['ssh-passphrase-stdin'];
  if (secretOnStdin && flags['password-stdin'])
    throw new UsageError('Give one secret on stdin at a time: set the SSH one and the database password in two commands.');
  const auth = authOf(flags);
  if (flags['ssh-passphrase-stdin'] && auth !== undefined && auth !== 'key') throw new UsageError('--ssh-passphrase-stdin is the passphrase of --ssh-key.');
  const stored = input.ssh ?? [];
  let hops: SshHopInput[];
  if (flags.ssh) {
    hops = flags.ssh.map((text, position) => {
      const destination = parseSshDestination(text);
      if (typeof destination === 'string') throw new UsageError(`--ssh: ${destination}`);
      const before = stored[position];
      const same = before && before.host.toLowerCase() === destination.host.toLowerCase() && before.port === destination.port;
      // A host added to a stored route signs in as the route's first host does, unless told otherwise.
      const template = before ?? stored[0];
      const inherited = auth ?? template?.auth;
      if (!inherited) throw new UsageError('Say how to sign in to SSH: --ssh-key FILE, --ssh-agent or --ssh-password-stdin.');
      return {
        ...destination,
        auth: inherited,
        keyFile: template?.keyFile ?? '',
        hostKey: same ? (before.hostKey ?? '') : '',
        ...(same && before.user === destination.user ? {} : { secret: null }),
      };
    });
  } else {
    if (!hasSshFlags(flags)) return;
    if (stored.length === 0) throw new UsageError('This connection has no SSH tunnel: give its host with --ssh USER@HOST[:PORT].');
    hops = stored.map((hop) => ({ ...hop }));
  }
  const keyFile = flags['ssh-key'] === undefined ? undefined : resolve(flags['ssh-key']);
  const secret = secretOnStdin ? await readStdinLine() : undefined;
  const accepted = flags['accept-host-key'] ?? [];
  if (accepted.length > hops.length)
    throw new UsageError(`--accept-host-key was given ${accepted.length} times for ${hops.length} SSH hosts: one per host, in the same order.`);
  for (const key of accepted) {
    if (!sshFingerprintPattern.test(key))
      throw new UsageError(`--accept-host-key: "${key}" is not a fingerprint as ssh prints it (SHA256: and 43 base64 characters).`);
  }
  input.ssh = hops.map((hop, position) => ({
    ...hop,
    ...(auth ? { auth } : {}),
    ...(keyFile !== undefined ? { keyFile } : {}),
    ...(accepted[position] ? { hostKey: accepted[position] } : {}),
    ...(secret !== undefined ? { secret } : auth && auth !== hop.auth ? { secret: null } : {}),
  }));
}

/** "  reached     deploy@bastion:2222 — ED25519 key SHA256:… (accepted)": one line per step. */
export function tunnelLines(tunnel: readonly TunnelStep[]): string {
  return tunnel.map((step) => `  ${step.step.padEnd(13)} ${step.where} — ${step.detail}\n`).join('');
}
