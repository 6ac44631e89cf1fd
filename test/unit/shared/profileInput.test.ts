import { describe, expect, it } from 'vitest';
import { environmentColours, profileInputSchema } from '../../../src-shared/model/profile';

const issuesOf = (input: unknown) => {
  const result = profileInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('profile input', () => {
  it('requires host, database and user for PostgreSQL, and a file for SQLite', () => {
    expect(issuesOf({ name: 'x', environment: 'dev', engine: 'postgres' })).toEqual([
      'host: Host is required',
      'database: Database is required',
      'user: User is required',
    ]);
    expect(issuesOf({ name: 'x', environment: 'dev', engine: 'sqlite' })).toEqual(['sqlitePath: SQLite file is required']);
  });

  it('asks for a CA file with verify-ca', () => {
    expect(issuesOf({ name: 'x', environment: 'dev', engine: 'postgres', host: 'h', database: 'd', user: 'u', sslMode: 'verify-ca' })).toEqual([
      'sslCaFile: verify-ca needs a CA file',
    ]);
  });

  it('refuses ports outside 1–65535 and unknown environments', () => {
    expect(issuesOf({ name: 'x', environment: 'dev', engine: 'postgres', host: 'h', database: 'd', user: 'u', port: 70000 })).toEqual([
      'port: Port must be 1–65535',
    ]);
    expect(issuesOf({ name: 'x', environment: 'qa', engine: 'sqlite', sqlitePath: '/a' })[0]).toMatch(/^environment:/);
  });

  it('paints prod red', () => {
    expect(environmentColours.prod).toBe('#e03131');
  });
});
