import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPgpass } from '../../../../src-main/profiles/import/pgpassFile';

const fixture = readFileSync('test/fixtures/profileImport/pgpass', 'utf8');

describe('a .pgpass file', () => {
  it('reads each line as a connection with its password, undoing \\: and \\\\', () => {
    const { connections } = readPgpass(fixture);
    expect(connections.map((c) => [c.where, c.profile.host, c.profile.port, c.profile.database, c.profile.user, c.password])).toEqual([
      ['line 2', 'db1.example.internal', 5433, 'orders', 'app', 'orders pw'],
      ['line 3', 'reports.example.internal', undefined, 'analyst', 'analyst', 'an:alyst\\pw'],
      ['line 5', 'weird:host.example.internal', 5432, 'db', 'u', 'p'],
      ['line 7', 'db2.example.internal', 5432, 'stock', 'app', undefined],
    ]);
  });

  it('says what a wildcard port or database became', () => {
    expect(readPgpass(fixture).connections[1]?.notes).toEqual([
      'port * (any): 5432 is used',
      expect.stringContaining('database * (any): the profile connects to "analyst"'),
    ]);
  });

  it('reports, by line, a wildcard host and a line without five fields', () => {
    expect(readPgpass(fixture).problems).toEqual([
      { where: 'line 4', message: expect.stringContaining('the host is * (any)') },
      { where: 'line 6', message: expect.stringContaining('3 fields where a .pgpass line has 5') },
    ]);
  });

  it('takes an escaped \\* as a literal star, not a wildcard', () => {
    const { connections, problems } = readPgpass('\\*:5432:db:user:pw\n');
    expect(problems).toEqual([]);
    expect(connections[0]?.profile.host).toBe('*');
  });
});
