import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readUriList } from '../../../../src-main/profiles/import/uriList';

const fixture = readFileSync('test/fixtures/profileImport/uris.txt', 'utf8');

describe('a list of postgres:// URIs', () => {
  it('reads each URI with its decoded password and TLS mode', () => {
    const { connections } = readUriList(fixture);
    expect(connections[0]).toMatchObject({
      where: 'line 2',
      password: 'p@ss',
      profile: { name: 'app@staging-1.example.internal/orders', host: 'staging-1.example.internal', sslMode: 'require' },
    });
    expect(connections[1]?.where).toBe('line 3');
  });

  it('reports each line that is not a URI Switchyard can use, without echoing it', () => {
    const { problems } = readUriList(fixture);
    expect(problems.map((p) => p.where)).toEqual(['line 5', 'line 6']);
    expect(problems.map((p) => p.message).join('\n')).not.toContain('nope.example.internal');
  });
});
