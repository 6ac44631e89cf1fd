import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readServiceFile } from '../../../../src-main/profiles/import/serviceFile';

const fixture = readFileSync('test/fixtures/profileImport/pg_service.conf', 'utf8');

describe('a pg_service.conf file', () => {
  it('reads each service as a connection named after it', () => {
    const { connections } = readServiceFile(fixture);
    expect(connections.map((c) => c.profile)).toEqual([
      {
        name: 'reporting',
        environment: 'dev',
        engine: 'postgres',
        host: 'reports.example.internal',
        port: 6432,
        database: 'reports',
        user: 'analyst',
        sslMode: 'require',
      },
    ]);
  });

  it('names the line of every keyword a profile does not keep', () => {
    expect(readServiceFile(fixture).connections[0]?.notes).toEqual(['line 8: application_name is not kept by a profile']);
  });

  it('reports a socket-only service and a line that is not a setting', () => {
    expect(readServiceFile(fixture).problems).toEqual([
      { where: 'line 13', message: 'Not a keyword=value line or a [service] header.' },
      { where: '[socket] (line 10)', message: expect.stringContaining('/var/run/postgresql is a socket folder') },
    ]);
  });
});
