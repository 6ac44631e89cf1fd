import { describe, expect, it } from 'vitest';
import { postgresSqlalchemyUrl } from '../../../../src-main/engines/postgres/postgresUrl';
import type { ConnectionTarget } from '../../../../src-main/drivers/driver';

const target: ConnectionTarget = {
  engine: 'postgres',
  host: 'db.internal',
  port: 5432,
  database: 'orders',
  user: 'app',
  password: 'p@ss',
  sslMode: 'verify-full',
  sslCaFile: '',
  sqlitePath: '',
  readOnly: false,
};

describe("Alembic's URL", () => {
  it('reaches the database directly', () => {
    expect(postgresSqlalchemyUrl(target)).toBe('postgresql+psycopg2://app:p%40ss@db.internal:5432/orders?sslmode=verify-full');
  });

  it("through a tunnel connects to its local end and keeps the database's name for TLS", () => {
    expect(postgresSqlalchemyUrl({ ...target, via: { host: '127.0.0.1', port: 40123 } })).toBe(
      'postgresql+psycopg2://app:p%40ss@db.internal:40123/orders?hostaddr=127.0.0.1&sslmode=verify-full',
    );
  });
});
