// pop's bookkeeping checked against its documented layout: ory/x popx/migrator.go writes
// `schema_migration (version VARCHAR (48) NOT NULL, version_self INT NOT NULL DEFAULT 0)` with the
// unique index schema_migration_version_idx, one row per applied version, deleted on revert;
// gobuffalo/pop's schema_migrations.go the older `version VARCHAR(14)` table, which popx reads too.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { RunRequest } from '../../../../src-shared/model/run';
import { runTarget } from '../../../../src-main/runner/runnerService';
import { targetStatus } from '../../../../src-main/runner/targetStatus';
import type { MigrationTarget } from '../../../../src-main/targets/migrationTarget';
import { openSqlite } from '../../../../src-main/sqliteModule';
import { postgresTarget, sqliteTarget } from '../../../support/migrationTargets';
import { fixtures } from '../../../support/revisions';
import { adminQuery, scratchDatabase } from '../../../support/scratchDatabase';
import { tempDir } from '../../../support/tempDir';

const server = inject('postgres');
const options = { actor: 'tester', lockTimeoutMs: 2_000 };
const run = (t: MigrationTarget, request: RunRequest) => runTarget(t, request, options);
const versions = ['20240101000001', '20240101000002', '20240101000003', '20240101000005'];

function project(): string {
  const dir = join(tempDir(), 'migrations');
  cpSync(`${fixtures}pop-dialects`, dir, { recursive: true });
  return dir;
}

async function rows(database: string, sql: string): Promise<Record<string, unknown>[]> {
  return (await adminQuery(server, sql, database)).rows as Record<string, unknown>[];
}

describe('pop on PostgreSQL', () => {
  it("applies the postgres files (the .autocommit index outside a transaction), records each version in pop's table, and reverts", async () => {
    const database = await scratchDatabase(server, 'pop');
    const t = postgresTarget(server, database, project(), { projectFormat: 'auto' });

    const up = await run(t, { action: 'upgrade', to: 'heads' });
    expect(up.steps.map((s) => s.revision)).toEqual(versions);
    expect(await rows(database, 'SELECT version, version_self FROM schema_migration ORDER BY version')).toEqual(
      versions.map((version) => ({ version, version_self: 0 })),
    );
    // The postgres file ran, not the dialect-less or sqlite3 one: payload is jsonb.
    expect(await rows(database, "SELECT data_type FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'payload'")).toEqual([
      { data_type: 'jsonb' },
    ]);
    expect(await rows(database, "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'events_at_idx'")).toEqual([
      { indisvalid: true },
    ]);
    expect(
      await rows(
        database,
        "SELECT column_name, data_type, character_maximum_length, is_nullable FROM information_schema.columns WHERE table_name = 'schema_migration' ORDER BY 1",
      ),
    ).toEqual([
      { column_name: 'version', data_type: 'character varying', character_maximum_length: 48, is_nullable: 'NO' },
      { column_name: 'version_self', data_type: 'integer', character_maximum_length: null, is_nullable: 'NO' },
    ]);
    expect(await rows(database, "SELECT indexdef FROM pg_indexes WHERE tablename = 'schema_migration'")).toEqual([
      { indexdef: 'CREATE UNIQUE INDEX schema_migration_version_idx ON public.schema_migration USING btree (version)' },
    ]);
    expect(await targetStatus(t)).toMatchObject({ format: 'pop', applied: versions, pending: [], changed: [] });

    const down = await run(t, { action: 'downgrade', to: 'base' });
    expect(down.steps.map((s) => s.revision)).toEqual([...versions].reverse());
    expect(await rows(database, 'SELECT version FROM schema_migration')).toEqual([]);
    expect(await rows(database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).toEqual([{ tablename: 'schema_migration' }]);
  });

  it("takes over a database gobuffalo/pop migrated (its VARCHAR(14) table): what pop recorded is applied, the rest is run and recorded in pop's table", async () => {
    const database = await scratchDatabase(server, 'pop');
    await adminQuery(
      server,
      'CREATE TABLE schema_migration (version VARCHAR (14) NOT NULL, PRIMARY KEY (version)); CREATE UNIQUE INDEX schema_migration_version_idx ON schema_migration (version); ' +
        "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL); INSERT INTO schema_migration (version) VALUES ('20240101000001')",
      database,
    );
    const t = postgresTarget(server, database, project(), { projectFormat: 'auto' });
    expect(await targetStatus(t)).toMatchObject({ applied: ['20240101000001'], pending: versions.slice(1) });
    expect((await run(t, { action: 'upgrade', to: 'heads' })).steps.map((s) => s.revision)).toEqual(versions.slice(1));
    expect((await rows(database, 'SELECT version FROM schema_migration ORDER BY version')).map((r) => r.version)).toEqual(versions);
  });

  it('stops at a failing version with nothing of it recorded', async () => {
    const database = await scratchDatabase(server, 'pop');
    const dir = project();
    writeFileSync(join(dir, '20240101000006_broken.postgres.up.sql'), 'CREATE TABLE half_done (id int);\nINSERT INTO nowhere VALUES (1);\n');
    const t = postgresTarget(server, database, dir, { projectFormat: 'auto' });
    await expect(run(t, { action: 'upgrade', to: 'heads' })).rejects.toMatchObject({
      code: 'E_MIGRATION_FAILED',
      detail: { revision: '20240101000006', line: 2 },
    });
    expect((await rows(database, 'SELECT version FROM schema_migration ORDER BY version')).map((r) => r.version)).toEqual(versions);
    expect(await rows(database, "SELECT tablename FROM pg_tables WHERE tablename = 'half_done'")).toEqual([]);
  });
});

describe('pop records with a gap', () => {
  it('are refused: pop would apply the unrecorded earlier version on its next run, which a chain would call applied', async () => {
    const database = await scratchDatabase(server, 'pop');
    await adminQuery(server, "CREATE TABLE schema_migration (version VARCHAR (48) NOT NULL); INSERT INTO schema_migration VALUES ('20240101000002')", database);
    const t = postgresTarget(server, database, project(), { projectFormat: 'auto' });
    await expect(targetStatus(t)).rejects.toMatchObject({
      code: 'E_BOOKKEEPING_REFUSES',
      message: expect.stringContaining('pop records 20240101000002 but not 20240101000001'),
    });
  });
});

describe('pop versions longer than 14 digits', () => {
  it('count as applied when a legacy run recorded their first 14 digits, as popx reads them', async () => {
    const database = await scratchDatabase(server, 'pop');
    const dir = tempDir();
    writeFileSync(join(dir, '202401010000010_accounts.postgres.up.sql'), 'CREATE TABLE accounts (id int);\n');
    writeFileSync(join(dir, '202401010000020_ledger.postgres.up.sql'), 'CREATE TABLE ledger (id int);\n');
    await adminQuery(server, "CREATE TABLE schema_migration (version VARCHAR (14) NOT NULL); INSERT INTO schema_migration VALUES ('20240101000001')", database);
    const t = postgresTarget(server, database, dir, { projectFormat: 'auto' });
    expect(await targetStatus(t)).toMatchObject({ applied: ['202401010000010'], pending: ['202401010000020'], unknown: [] });
  });
});

describe('pop on SQLite', () => {
  it('applies the sqlite3 files and records them in schema_migration', async () => {
    const dir = tempDir();
    const path = join(dir, 'app.sqlite');
    const t = sqliteTarget(path, project(), { projectFormat: 'auto' });
    expect((await run(t, { action: 'upgrade', to: 'heads' })).steps.map((s) => s.revision)).toEqual(versions);
    const db = openSqlite(path, { readonly: true });
    try {
      expect(db.prepare('SELECT version FROM schema_migration ORDER BY version').all()).toEqual(versions.map((version) => ({ version })));
      expect(db.prepare("SELECT type FROM pragma_table_info('events') WHERE name = 'at'").all()).toEqual([{ type: 'TEXT' }]);
    } finally {
      db.close();
    }
    expect((await run(t, { action: 'downgrade', to: '20240101000002' })).steps.map((s) => s.revision)).toEqual(['20240101000005', '20240101000003']);
  });
});
