// Turns what pg and the OS throw on connect into specific, human errors with stable codes.
// Messages name the host, port, database and user, never the password.
import { SwitchyardError } from '../../../src-shared/errors';
import type { ConnectionTarget } from '../../drivers/driver';

interface NodeishError {
  code?: string;
  message?: string;
}

export function translateConnectError(error: unknown, target: ConnectionTarget): SwitchyardError {
  if (error instanceof SwitchyardError) return error;
  const { code = '', message = '' } = (error ?? {}) as NodeishError;
  const where = `${target.host}:${target.port}`;
  switch (code) {
    case '28P01':
      return new SwitchyardError('E_AUTH_FAILED', `Wrong password for user "${target.user}" on ${where}.`);
    case '3D000':
      return new SwitchyardError('E_UNKNOWN_DATABASE', `Database "${target.database}" does not exist on ${where}.`);
    case 'ECONNREFUSED':
      return new SwitchyardError('E_CONNECTION_REFUSED', `Connection refused by ${where}: is PostgreSQL running and listening on that port?`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new SwitchyardError('E_HOST_NOT_FOUND', `Host "${target.host}" could not be resolved. Check the host name (and your network or VPN).`);
    case 'ETIMEDOUT':
      return timeout(target);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new SwitchyardError('E_CONNECTION_FAILED', `${where} is unreachable from this machine (no route to host).`);
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'CERT_HAS_EXPIRED':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return new SwitchyardError('E_SSL_CERTIFICATE', `The server's TLS certificate was not accepted (${code}). Check the CA file and the host name.`);
    case 'E_SSL_CA_FILE':
      return new SwitchyardError('E_FILE_NOT_FOUND', message);
  }
  if (code === '28000') {
    if (/no encryption|SSL off/i.test(message)) {
      return new SwitchyardError('E_SSL_REQUIRED', `${where} requires SSL for this user and database: set the SSL mode to "require" or stricter.`);
    }
    return new SwitchyardError('E_AUTH_FAILED', `The server refused user "${target.user}" for database "${target.database}" (no matching pg_hba.conf entry).`);
  }
  if (/does not support SSL/i.test(message)) {
    return new SwitchyardError('E_SSL_UNSUPPORTED', `${where} does not accept SSL connections: set the SSL mode to "disable", or enable SSL on the server.`);
  }
  if (/timeout|timed out/i.test(message)) return timeout(target);
  if (/Connection terminated unexpectedly/i.test(message)) {
    return new SwitchyardError('E_CONNECTION_FAILED', `${where} closed the connection during the handshake: is this a PostgreSQL server?`);
  }
  return new SwitchyardError('E_CONNECTION_FAILED', `Could not connect to ${where}: ${message || code || 'unknown error'}`);
}

function timeout(target: ConnectionTarget): SwitchyardError {
  const seconds = Math.round((target.timeoutMs ?? 10_000) / 1000);
  return new SwitchyardError(
    'E_TIMEOUT',
    `${target.host}:${target.port} did not answer within ${seconds} s (a firewall, a wrong port, or an overloaded server).`,
  );
}
