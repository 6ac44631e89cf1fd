// What ~/.ssh/known_hosts says of a host, read as OpenSSH reads it (sshd(8), "SSH_KNOWN_HOSTS FILE
// FORMAT"): `[marker] patterns keytype base64-key [comment]`; patterns are comma-separated names with
// `*` and `?` wildcards and `!` negations, `[host]:port` for a port other than 22, or one hashed name
// `|1|salt|HMAC-SHA1(salt, name)` (HashKnownHosts). @cert-authority lines are not host keys and are left out.
import { createHmac } from 'node:crypto';
import { fingerprintOf } from './hostKey';

export interface KnownHostKey {
  type: string;
  fingerprint: string;
  revoked: boolean;
  /** 1-based line in the file, for messages. */
  line: number;
}

/** The name a host is written under: "host", or "[host]:port" when the port is not 22. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host.toLowerCase() : `[${host.toLowerCase()}]:${port}`;
}

function wildcardMatch(pattern: string, name: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i').test(name);
}

function hashedMatch(entry: string, name: string): boolean {
  const [, magic, salt, hash] = entry.split('|');
  if (magic !== '1' || !salt || !hash) return false;
  return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
}

function patternsMatch(patterns: string, name: string): boolean {
  if (patterns.startsWith('|')) return hashedMatch(patterns, name);
  let matched = false;
  for (const pattern of patterns.split(',')) {
    if (pattern.startsWith('!')) {
      if (wildcardMatch(pattern.slice(1), name)) return false;
    } else if (wildcardMatch(pattern, name)) matched = true;
  }
  return matched;
}

/** The keys the file's text holds for host:port, in file order. */
export function knownHostKeys(text: string, host: string, port: number): KnownHostKey[] {
  const name = knownHostsName(host, port);
  const keys: KnownHostKey[] = [];
  text.split('\n').forEach((raw, index) => {
    const fields = raw.trim().split(/\s+/);
    if (!fields[0] || fields[0].startsWith('#')) return;
    const marker = fields[0].startsWith('@') ? fields.shift() : undefined;
    if (marker === '@cert-authority') return;
    const [patterns, type, key] = fields;
    if (!patterns || !type || !key || !patternsMatch(patterns, name)) return;
    keys.push({ type, fingerprint: fingerprintOf(Buffer.from(key, 'base64')), revoked: marker === '@revoked', line: index + 1 });
  });
  return keys;
}
