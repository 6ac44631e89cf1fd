// libpq's connection settings by keyword, shared by pg_service.conf (keyword=value) and the
// environment (PGHOST…): which ones a profile keeps, and a note for each it does not.
// Source: https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-PARAMKEYWORDS.
import type { ProfileInput } from '../../../src-shared/model/profile';
import { connectionName, portOf, sslModeOf, type ImportedConnection } from './importedConnection';

/** The environment variable of each keyword a profile keeps (libpq-envars). */
export const libpqEnvironment: Record<string, string> = {
  PGHOST: 'host',
  PGHOSTADDR: 'hostaddr',
  PGPORT: 'port',
  PGDATABASE: 'dbname',
  PGUSER: 'user',
  PGPASSWORD: 'password',
  PGSSLMODE: 'sslmode',
  PGSSLROOTCERT: 'sslrootcert',
  PGSERVICE: 'service',
  PGAPPNAME: 'application_name',
  PGCONNECT_TIMEOUT: 'connect_timeout',
  PGOPTIONS: 'options',
  PGSSLCERT: 'sslcert',
  PGSSLKEY: 'sslkey',
  PGPASSFILE: 'passfile',
  PGTARGETSESSIONATTRS: 'target_session_attrs',
};

const kept = new Set(['host', 'hostaddr', 'port', 'dbname', 'user', 'password', 'sslmode', 'sslrootcert']);

/** One connection from keyword settings; `unused` says where each keyword it does not keep was. */
export function connectionFromSettings(
  settings: Map<string, { value: string; where: string }>,
  name: string | undefined,
  where: string,
): ImportedConnection | { where: string; message: string } {
  const notes: string[] = [];
  for (const [keyword, { where: at }] of settings) {
    if (!kept.has(keyword)) notes.push(`${at}: ${keyword} is not kept by a profile`);
  }
  const value = (keyword: string) => settings.get(keyword)?.value;
  const host = value('host') ?? value('hostaddr');
  if (!host) return { where, message: `${name ? `"${name}" ` : ''}has no host (or hostaddr): nothing to connect to.` };
  if (host.includes(',')) return { where, message: `${host} lists several hosts: a profile has one; import each as its own connection.` };
  if (host.startsWith('/')) return { where, message: `${host} is a socket folder: Switchyard connects over TCP, give a host name.` };
  const user = value('user') ?? '';
  const database = value('dbname') ?? user;
  if (!value('dbname')) notes.push(`no dbname: the profile connects to "${database}", libpq's default database for the user`);
  const port = portOf(value('port'), notes);
  const sslMode = sslModeOf(value('sslmode'), notes);
  const sslCaFile = value('sslrootcert');
  const profile: ProfileInput & { name: string } = {
    name: name ?? connectionName(user, host, database),
    environment: 'dev',
    engine: 'postgres',
    host,
    ...(port ? { port } : {}),
    database,
    user,
    ...(sslMode ? { sslMode } : {}),
    ...(sslCaFile ? { sslCaFile } : {}),
  };
  const password = value('password');
  return { profile, ...(password ? { password } : {}), where, notes };
}
