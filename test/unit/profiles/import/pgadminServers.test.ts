import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPgadminServers } from '../../../../src-main/profiles/import/pgadminServers';

const fixture = readFileSync('test/fixtures/profileImport/servers.json', 'utf8');

describe("pgAdmin 4's servers.json", () => {
  it('reads each server with its host, port, maintenance database, user, TLS settings, group and comment', () => {
    const { connections } = readPgadminServers(fixture);
    expect(connections.map((c) => c.profile)).toEqual([
      {
        name: 'orders (prod)',
        environment: 'dev',
        engine: 'postgres',
        host: 'db1.example.internal',
        port: 5433,
        database: 'orders',
        user: 'app',
        sslMode: 'verify-full',
        sslCaFile: '/etc/ssl/certs/internal-ca.pem',
        notes: 'pgAdmin group: Production\nprimary',
      },
      expect.objectContaining({ name: 'legacy', host: 'legacy.example.internal', sslMode: 'disable', user: 'postgres' }),
    ]);
    expect(connections.every((c) => c.password === undefined)).toBe(true);
  });

  it('says what a profile does not keep (prefer as disable, the pass file) and brings the SSH tunnel as a route to accept', () => {
    const legacy = readPgadminServers(fixture).connections[1];
    expect(legacy?.notes).toEqual([
      expect.stringContaining('sslmode prefer is kept as disable'),
      expect.stringContaining('PassFile'),
      expect.stringContaining('its SSH tunnel came with it (the key /home/dba/.ssh/id_ed25519)'),
    ]);
    expect(legacy?.profile.ssh).toEqual([{ host: 'bastion.example.internal', port: 22, user: 'dba', auth: 'key', keyFile: '/home/dba/.ssh/id_ed25519' }]);
  });

  it('reports a server without a host by its key instead of dropping it', () => {
    expect(readPgadminServers(fixture).problems).toEqual([{ where: 'Servers › 3', message: expect.stringContaining('"by service" has no Host') }]);
  });

  it('refuses a JSON file that is not a servers.json, saying why', () => {
    expect(readPgadminServers('{"connections": {}}').problems[0]?.message).toContain('No "Servers" object');
    expect(readPgadminServers('{"Servers": ').problems[0]?.message).toContain('Not JSON');
  });
});
