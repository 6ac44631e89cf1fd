import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decryptDbeaverCredentials, encryptDbeaverCredentials } from '../../../../src-main/profiles/import/dbeaverCredentials';
import { readDbeaverSources } from '../../../../src-main/profiles/import/dbeaverSources';

const sources = readFileSync('test/fixtures/profileImport/data-sources.json', 'utf8');
const plainCredentials = 'test/fixtures/profileImport/credentials-config.plain.json';

/** credentials-config.json as DBeaver writes it, made with openssl and DBeaver's documented key: the IV, then the ciphertext. */
function dbeaverEncrypted(): Buffer {
  const iv = randomBytes(16);
  const ciphertext = execFileSync('openssl', [
    'enc',
    '-aes-128-cbc',
    '-K',
    'babb4a9f774ab853c96c2d653dfe544a',
    '-iv',
    iv.toString('hex'),
    '-in',
    plainCredentials,
  ]);
  return Buffer.concat([iv, ciphertext]);
}

describe("DBeaver's data-sources.json and credentials-config.json", () => {
  it('decrypts the credentials file the way DBeaver documents it', () => {
    const credentials = decryptDbeaverCredentials(dbeaverEncrypted());
    expect(credentials.get('postgres-jdbc-18c2f4a1b3e-5d1c0e7f2a9b4c11')).toEqual({ user: 'billing_app', password: 'staging s3cret' });
    expect(credentials.get('postgres-jdbc-18c2f4a1b3f-2b7d9e0c4f1a6e22')).toEqual({ user: 'billing_ro', password: undefined });
  });

  it('writes files the documented openssl command reads back (skipping the first 16 bytes of output)', () => {
    const file = encryptDbeaverCredentials({ one: { user: 'u', password: 'p' } });
    const plain = execFileSync('openssl', ['aes-128-cbc', '-d', '-K', 'babb4a9f774ab853c96c2d653dfe544a', '-iv', '0'.repeat(32)], { input: file });
    expect(JSON.parse(plain.subarray(16).toString('utf8'))).toEqual({ one: { '#connection': { user: 'u', password: 'p' } } });
  });

  it('refuses bytes that are not its encryption (a master password set in DBeaver)', () => {
    expect(() => decryptDbeaverCredentials(randomBytes(64))).toThrow();
  });

  it('makes PostgreSQL and SQLite connections with users, passwords and DBeaver connection types as environments', () => {
    const { connections } = readDbeaverSources(sources, decryptDbeaverCredentials(dbeaverEncrypted()));
    expect(connections.map((c) => [c.profile.name, c.profile.environment, c.profile.engine, c.profile.user ?? '', c.password])).toEqual([
      ['billing staging', 'test', 'postgres', 'billing_app', 'staging s3cret'],
      ['billing prod', 'prod', 'postgres', 'billing_ro', undefined],
      ['local cache', 'dev', 'sqlite', '', undefined],
    ]);
    expect(connections[0]?.profile).toMatchObject({ host: 'billing-staging.example.internal', port: 5432, database: 'billing', sslMode: 'require' });
    expect(connections[2]?.profile).toMatchObject({ sqlitePath: '/home/dba/cache.sqlite' });
  });

  it('says what it could not use: the SSH tunnel, a saved password it was not given, a MySQL connection', () => {
    const { connections, problems } = readDbeaverSources(sources, undefined);
    expect(connections[1]?.notes).toEqual([expect.stringContaining('SSH tunnel (ssh_tunnel)'), expect.stringContaining('no credentials-config.json')]);
    expect(problems).toEqual([
      { where: 'connections › mysql8-18c2f4a1b40-0a1b2c3d4e5f6071', message: expect.stringContaining('"shop mysql" is a mysql connection') },
    ]);
  });
});
