import { describe, expect, it } from 'vitest';
import { readEnvironmentSettings } from '../../../../src-main/profiles/import/environmentSettings';

describe("libpq's environment variables", () => {
  it('make one connection, its password included', () => {
    const { connections, problems } = readEnvironmentSettings(
      'PGHOST=db.example.internal\nPGPORT=6543\nPGUSER=app\nPGDATABASE=orders\nPGPASSWORD=pw\nPGSSLMODE=verify-full\nHOME=/root',
    );
    expect(problems).toEqual([]);
    expect(connections[0]).toMatchObject({
      profile: { host: 'db.example.internal', port: 6543, user: 'app', database: 'orders', sslMode: 'verify-full' },
      password: 'pw',
      notes: [],
    });
  });

  it('says which variables a profile does not keep, and that without PGDATABASE the user name is the database', () => {
    const { connections } = readEnvironmentSettings('export PGHOST=db\nexport PGUSER=app\nPGAPPNAME=x');
    expect(connections[0]?.profile.database).toBe('app');
    expect(connections[0]?.notes).toEqual(['PGAPPNAME: application_name is not kept by a profile', expect.stringContaining('no dbname')]);
  });

  it('says when nothing is set', () => {
    expect(readEnvironmentSettings('HOME=/root').problems[0]?.message).toContain('No PGHOST');
  });
});
