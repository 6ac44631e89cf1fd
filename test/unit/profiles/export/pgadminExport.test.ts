import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../src-shared/model/profile';
import { pgadminServersJson } from '../../../../src-main/profiles/export/pgadminExport';
import { readPgadminServers } from '../../../../src-main/profiles/import/pgadminServers';

const base = {
  id: 'x',
  hasPassword: true,
  createdAt: '',
  updatedAt: '',
  readOnly: false,
  projectDir: '',
  projectFormat: 'auto',
  alembicCommand: '',
  sqlitePath: '',
} as const;
// As the API lists them; fields this export does not read (an SSH route) may be absent.
const orders = {
  ...base,
  name: 'orders',
  environment: 'prod',
  engine: 'postgres',
  host: 'db',
  port: 5433,
  database: 'orders',
  user: 'app',
  sslMode: 'verify-ca',
  sslCaFile: '/ca.pem',
  notes: 'main',
} as Profile;
const cache = { ...orders, name: 'cache', engine: 'sqlite', sqlitePath: '/tmp/c.sqlite' } as Profile;

describe("profiles as pgAdmin's servers.json", () => {
  it('reads back through the pgAdmin import as the same connections', () => {
    const { text } = pgadminServersJson([orders]);
    expect(readPgadminServers(text).connections[0]?.profile).toMatchObject({
      name: 'orders',
      host: 'db',
      port: 5433,
      database: 'orders',
      user: 'app',
      sslMode: 'verify-ca',
      sslCaFile: '/ca.pem',
    });
  });

  it('leaves SQLite profiles out and says so, and never carries a password', () => {
    const exported = pgadminServersJson([orders, cache]);
    expect(exported.leftOut).toEqual(['cache']);
    expect(exported.text).not.toMatch(/password/i);
  });
});
