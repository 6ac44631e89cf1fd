// The SQLAlchemy URL a Python child (Alembic) reaches the same PostgreSQL database with, TLS settings included.
import type { ConnectionTarget } from '../../drivers/driver';

export function postgresSqlalchemyUrl(target: ConnectionTarget): string {
  const auth = `${encodeURIComponent(target.user)}${target.password ? `:${encodeURIComponent(target.password)}` : ''}`;
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  // Through an SSH tunnel libpq connects to its local end (hostaddr) and keeps the host's name for TLS
  // (https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-PARAMKEYWORDS, hostaddr).
  const parameters = [
    ...(target.via ? [`hostaddr=${target.via.host}`] : []),
    ...(target.sslMode === 'disable'
      ? []
      : [`sslmode=${target.sslMode}`, ...(target.sslCaFile ? [`sslrootcert=${encodeURIComponent(target.sslCaFile)}`] : [])]),
  ];
  const query = parameters.length ? `?${parameters.join('&')}` : '';
  return `postgresql+psycopg2://${auth}@${host}:${target.via?.port ?? target.port}/${encodeURIComponent(target.database)}${query}`;
}
