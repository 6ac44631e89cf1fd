import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectSource } from '../../../../src-main/profiles/import/importDetection';

const fixture = (name: string) => readFileSync(`test/fixtures/profileImport/${name}`, 'utf8');

describe('telling which tool wrote a file', () => {
  it('knows each source by its content, whatever the file is called', () => {
    expect(detectSource(fixture('servers.json'), 'export.json').source).toBe('pgadmin');
    expect(detectSource(fixture('data-sources.json'), 'x.json').source).toBe('dbeaver');
    expect(detectSource(fixture('pgpass'), 'passwords.txt').source).toBe('pgpass');
    expect(detectSource(fixture('pg_service.conf'), 'services.ini').source).toBe('service');
    expect(detectSource(fixture('uris.txt'), 'list').source).toBe('uris');
    expect(detectSource('PGHOST=db\nPGUSER=app\n', '.env').source).toBe('env');
  });

  it('refuses a file it cannot place, naming --from', () => {
    expect(() => detectSource('hello world', 'notes.txt')).toThrow(/notes\.txt: say it with --from/);
  });
});
