// dbmate and golang-migrate both keep a table named schema_migrations: each format reads and writes
// only its own (told apart by golang-migrate's dirty column), and names the other's when it finds it.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runTarget } from '../../../../src-main/runner/runnerService';
import { targetStatus } from '../../../../src-main/runner/targetStatus';
import { postgresTarget } from '../../../support/migrationTargets';
import { fixtures } from '../../../support/revisions';
import { adminQuery, scratchDatabase } from '../../../support/scratchDatabase';
import { tempDir } from '../../../support/tempDir';

const server = inject('postgres');
const options = { actor: 'tester', lockTimeoutMs: 2_000 };

function project(fixture: string, files: readonly string[]): string {
  const dir = join(tempDir(), 'migrations');
  mkdirSync(dir, { recursive: true });
  for (const file of files) copyFileSync(join(fixtures, fixture, file), join(dir, file));
  return dir;
}

describe("schema_migrations: dbmate's or golang-migrate's", () => {
  it("a dbmate project on a database golang-migrate migrated: nothing read as dbmate's, the other table named, the run refused before it writes", async () => {
    const database = await scratchDatabase(server, 'owner');
    await adminQuery(
      server,
      'CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL); INSERT INTO schema_migrations VALUES (2, false)',
      database,
    );
    const target = postgresTarget(server, database, project('dbmate-chain', ['20240101090000_create_accounts.sql']), { projectFormat: 'dbmate' });

    const status = await targetStatus(target);
    expect(status).toMatchObject({ initialised: false, applied: [], unknown: [], pending: ['20240101090000'] });
    expect(status.otherBookkeeping).toEqual([expect.objectContaining({ format: 'golang-migrate', tables: ['schema_migrations'], records: 1 })]);

    await expect(runTarget(target, { action: 'upgrade', to: 'heads' }, options)).rejects.toMatchObject({
      code: 'E_BOOKKEEPING_REFUSES',
      message: expect.stringContaining("schema_migrations here is golang-migrate's (it has a dirty column), not dbmate's"),
    });
    expect((await adminQuery(server, 'SELECT version, dirty FROM schema_migrations', database)).rows).toEqual([{ version: '2', dirty: false }]);
  });

  it('a golang-migrate project on a database dbmate migrated: the same, the other way round', async () => {
    const database = await scratchDatabase(server, 'owner');
    await adminQuery(
      server,
      "CREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY); INSERT INTO schema_migrations VALUES ('20240101090000')",
      database,
    );
    const target = postgresTarget(server, database, project('golang-migrate-chain', ['0001_create_accounts.up.sql']), { projectFormat: 'golang-migrate' });

    const status = await targetStatus(target);
    expect(status).toMatchObject({ initialised: false, applied: [], unknown: [], pending: ['1'] });
    expect(status.otherBookkeeping).toEqual([expect.objectContaining({ format: 'dbmate', records: 1 })]);
    await expect(runTarget(target, { action: 'upgrade', to: 'heads' }, options)).rejects.toMatchObject({
      code: 'E_BOOKKEEPING_REFUSES',
      message: expect.stringContaining("dbmate's"),
    });
  });
});
