// A profile's SSH route: the hosts a connection goes through, outermost first (a ProxyJump chain), the
// last one forwarding to the database. Each host's key is pinned by its SHA256 fingerprint, written as
// `ssh` prints it. Secrets (a key's passphrase, a password) are write-only, as the database password is.
import { z } from 'zod';

export const sshAuthMethods = ['key', 'agent', 'password'] as const;
export type SshAuth = (typeof sshAuthMethods)[number];

/** `SHA256:` and the unpadded base64 of the key's SHA-256, as `ssh-keygen -lf` and `ssh` print it. */
export const sshFingerprintPattern = /^SHA256:[A-Za-z0-9+/]{43}$/;

/** One SSH host of a route as it leaves the main process: everything but its secret. */
export interface SshHop {
  host: string;
  port: number;
  user: string;
  auth: SshAuth;
  /** The private key file (auth `key`). */
  keyFile: string;
  /** The pinned host key's fingerprint; empty until one is accepted. */
  hostKey: string;
  /** A passphrase (key) or password (password) is stored for this host. */
  hasSecret: boolean;
}

export const sshHopInputSchema = z
  .object({
    host: z.string().trim().min(1, 'SSH host is required').max(255),
    port: z.number().int().min(1, 'SSH port must be 1–65535').max(65535, 'SSH port must be 1–65535').default(22),
    user: z.string().trim().min(1, 'SSH user is required').max(255),
    auth: z.enum(sshAuthMethods),
    keyFile: z.string().trim().max(4096).default(''),
    hostKey: z.union([z.literal(''), z.string().regex(sshFingerprintPattern, 'A host key is SHA256: and 43 base64 characters, as ssh prints it')]).default(''),
    /** A string sets the passphrase or password, null clears it, absent keeps the stored one for the same host. */
    secret: z.string().max(4096).nullable().optional(),
  })
  .superRefine((hop, ctx) => {
    if (hop.auth === 'key' && !hop.keyFile) ctx.addIssue({ code: 'custom', path: ['keyFile'], message: 'Key authentication needs a private key file' });
  });

export const sshRouteInputSchema = z.array(sshHopInputSchema).max(8, 'At most 8 SSH hosts in a chain');

export type SshHopInput = z.input<typeof sshHopInputSchema>;
export type ValidSshHopInput = z.output<typeof sshHopInputSchema>;

/** "deploy@bastion.example.com:2222": one host of a route, in messages. */
export function sshHopName(hop: Pick<SshHop, 'user' | 'host' | 'port'>): string {
  const host = hop.host.includes(':') ? `[${hop.host}]` : hop.host;
  return `${hop.user}@${host}${hop.port === 22 ? '' : `:${hop.port}`}`;
}

/** `USER@HOST[:PORT]` (a bracketed IPv6 host allowed), as `--ssh` takes it; a sentence when it is not one. */
export function parseSshDestination(text: string): { user: string; host: string; port: number } | string {
  const match = /^([^@\s]+)@(\[[^\]]+\]|[^:@\s[\]]+)(?::(\d{1,5}))?$/.exec(text.trim());
  if (!match) return `"${text}" is not USER@HOST[:PORT]`;
  const [, user = '', rawHost = '', rawPort] = match;
  const port = rawPort === undefined ? 22 : Number(rawPort);
  if (port < 1 || port > 65535) return `the port of "${text}" must be 1–65535`;
  return { user, host: rawHost.replace(/^\[|\]$/g, ''), port };
}
