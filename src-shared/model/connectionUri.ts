// postgres:// URIs in and out. Written by hand because src-shared may not rely on WHATWG URL.
import { SwitchyardError } from '../errors';
import { sslModes, type SslMode, type UriFields } from './profile';

export interface ParsedConnectionUri extends UriFields {
  password?: string;
}

const uriPattern = /^(postgres|postgresql):\/\/(?:([^:@/?#]*)(?::([^@/?#]*))?@)?(\[[^\]]+\]|[^:/?#]*)(?::(\d+))?(?:\/([^?#]*))?(?:\?([^#]*))?$/;

function decode(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new SwitchyardError('E_INVALID_URI', `The ${what} in the URI is not valid percent-encoding.`);
  }
}

/** Parses a libpq-style URI; the error never echoes the URI, which may hold a password. */
export function parseConnectionUri(uri: string): ParsedConnectionUri {
  const match = uriPattern.exec(uri.trim());
  if (!match) {
    throw new SwitchyardError('E_INVALID_URI', 'Not a postgres:// or postgresql:// URI (expected postgres://user@host:port/database).');
  }
  const [, , rawUser = '', rawPassword, rawHost = '', rawPort, rawDatabase = '', rawQuery = ''] = match;
  const host = decode(rawHost, 'host').replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new SwitchyardError('E_INVALID_URI', 'The URI has no host.');
  const port = rawPort ? Number(rawPort) : 5432;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new SwitchyardError('E_INVALID_URI', 'The port in the URI must be between 1 and 65535.');
  }
  const parsed: ParsedConnectionUri = {
    host,
    port,
    database: decode(rawDatabase, 'database name'),
    user: decode(rawUser, 'user name'),
    sslMode: 'disable',
    sslCaFile: '',
  };
  if (rawPassword !== undefined) parsed.password = decode(rawPassword, 'password');
  for (const pair of rawQuery.split('&').filter(Boolean)) {
    const [key = '', value = ''] = pair.split('=');
    const name = decode(key, 'parameter name');
    const text = decode(value, `${name} parameter`);
    if (name === 'sslmode') {
      // libpq's prefer/allow degrade to no TLS when the server lacks it; we only keep modes we enforce.
      const mode = text === 'prefer' || text === 'allow' ? 'disable' : text;
      if (!(sslModes as readonly string[]).includes(mode)) {
        throw new SwitchyardError('E_INVALID_URI', `Unsupported sslmode "${text}" (use disable, require, verify-ca or verify-full).`);
      }
      parsed.sslMode = mode as SslMode;
    } else if (name === 'sslrootcert') {
      parsed.sslCaFile = text;
    }
  }
  return parsed;
}

/** The profile as a URI, deliberately without its password. */
export function formatConnectionUri(profile: UriFields): string {
  const host = profile.host.includes(':') ? `[${profile.host}]` : encodeURIComponent(profile.host);
  const user = profile.user ? `${encodeURIComponent(profile.user)}@` : '';
  const query: string[] = [];
  if (profile.sslMode !== 'disable') query.push(`sslmode=${profile.sslMode}`);
  if (profile.sslCaFile) query.push(`sslrootcert=${encodeURIComponent(profile.sslCaFile)}`);
  return `postgres://${user}${host}:${profile.port}/${encodeURIComponent(profile.database)}${query.length ? `?${query.join('&')}` : ''}`;
}
