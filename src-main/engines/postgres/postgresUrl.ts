// The SQLAlchemy URL a Python child (Alembic) reaches the same PostgreSQL database with, TLS settings included.
import type { ConnectionTarget } from '../../drivers/driver';

export function postgresSqlalchemyUrl(target: ConnectionTarget): string {
  const auth = `${encodeURIComponent(target.user)}${target.password ? `:${encodeURIComponent(target.password)}` : ''}`;
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  const query =
    target.sslMode === 'disable' ? '' : `?sslmode=${target.sslMode}${target.sslCaFile ? `&sslrootcert=${encodeURIComponent(target.sslCaFile)}` : ''}`;
  return `postgresql+psycopg2://${auth}@${host}:${target.port}/${encodeURIComponent(target.database)}${query}`;
}
