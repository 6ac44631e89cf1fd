// The sides of `switchyard diff` as typed: each SPEC form, revisions after the last @ unless a path
// follows it, and anything else a usage error naming the forms.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src-main/cli/output';
import { parseSchemaSpec } from '../../../src-main/cli/schemaSpec';

describe('parseSchemaSpec', () => {
  it('reads each form', () => {
    expect(parseSchemaSpec('profile:Shop (staging)', '--from')).toEqual({ kind: 'connection', profileName: 'Shop (staging)' });
    expect(parseSchemaSpec('postgres://ada@db:5432/shop', '--from')).toEqual({ kind: 'connection', target: { url: 'postgres://ada@db:5432/shop' } });
    expect(parseSchemaSpec('sqlite:///tmp/shop.db', '--to')).toEqual({ kind: 'connection', target: { url: 'sqlite:///tmp/shop.db' } });
    expect(parseSchemaSpec('snapshot:3f2a9c1e', '--to')).toEqual({ kind: 'snapshot', snapshotId: '3f2a9c1e' });
    expect(parseSchemaSpec('expected:./migrations', '--to')).toEqual({ kind: 'project', project: './migrations' });
    expect(parseSchemaSpec('expected:./migrations@ord02, cust01', '--to')).toEqual({
      kind: 'project',
      project: './migrations',
      revisions: ['ord02', 'cust01'],
    });
  });

  it('keeps a folder with an @ in its path whole when a path follows the @', () => {
    expect(parseSchemaSpec('expected:/home/ada@work/migrations', '--to')).toEqual({ kind: 'project', project: '/home/ada@work/migrations' });
    expect(parseSchemaSpec('expected:/home/ada@work/migrations@heads', '--to')).toEqual({
      kind: 'project',
      project: '/home/ada@work/migrations',
      revisions: ['heads'],
    });
  });

  it('refuses an unknown form, an empty name and an empty revision as usage errors', () => {
    expect(() => parseSchemaSpec('mysql://db/shop', '--from')).toThrow(/--from mysql:\/\/db\/shop is not a side switchyard diff knows/);
    expect(() => parseSchemaSpec('profile:', '--from')).toThrow(UsageError);
    expect(() => parseSchemaSpec('expected:', '--to')).toThrow(UsageError);
    expect(() => parseSchemaSpec('expected:./m@a,,b', '--to')).toThrow(/a revision after @ is empty/);
  });
});
