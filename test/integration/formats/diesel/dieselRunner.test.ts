// diesel's bookkeeping checked against its documented layout: diesel/src/migration/setup_migration_table.sql
// (`__diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY NOT NULL, run_on TIMESTAMP NOT NULL
// DEFAULT CURRENT_TIMESTAMP)`), one row per applied version inserted in the migration's transaction and
// deleted on revert (diesel_migrations/src/migration_harness.rs).
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { RunRequest } from '../../../../src-shared/model/run';
import { runTarget } from '../../../../src-main/runner/runnerService';
import { targetStatus } from '../../../../src-main/runner/targetStatus';
import type { MigrationTarget } from '../../../../src-main/targets/migrationTarget';
import { postgresTarget } from '../../../support/migrationTargets';
import { fixtures } from '../../../support/revisions';
import { adminQuery, scratchDatabase } from '../../../support/scratchDatabase';

const server = inject('postgres');
const run = (t: MigrationTarget, request: RunRequest) => runTarget(t, request, { actor: 'tester', lockTimeoutMs: 2_000 });
const versions = ['00000000000000', '20240102030405', '20240103000000', '20240105120000'];
const crate = `${fixtures}diesel-crate`;

async function rows(database: string, sql: string): Promise<Record<string, unknown>[]> {
  return (await adminQuery(server, sql, database)).rows as Record<string, unknown>[];
}

describe('diesel on PostgreSQL', () => {
  it("applies each folder's up.sql (run_in_transaction = false outside a transaction), records versions in diesel's table, and reverts with down.sql", async () => {
    const database = await scratchDatabase(server, 'diesel');
    const t = postgresTarget(server, database, crate, { projectFormat: 'auto' });

    const up = await run(t, { action: 'upgrade', to: 'heads' });
    expect(up.steps.map((s) => [s.revision, s.file])).toEqual([
      ['00000000000000', 'migrations/00000000000000_diesel_initial_setup/up.sql'],
      ['20240102030405', 'migrations/2024-01-02-030405_create_users/up.sql'],
      ['20240103000000', 'migrations/2024-01-03-000000_users_email_idx/up.sql'],
      ['20240105120000', 'migrations/2024-01-05-120000_create_posts/up.sql'],
    ]);
    const recorded = await rows(database, 'SELECT version, run_on FROM __diesel_schema_migrations ORDER BY version');
    expect(recorded).toEqual(versions.map((version) => ({ version, run_on: expect.any(Date) })));
    expect(
      await rows(
        database,
        "SELECT column_name, data_type, character_maximum_length, is_nullable FROM information_schema.columns WHERE table_name = '__diesel_schema_migrations' ORDER BY 1",
      ),
    ).toEqual([
      { column_name: 'run_on', data_type: 'timestamp without time zone', character_maximum_length: null, is_nullable: 'NO' },
      { column_name: 'version', data_type: 'character varying', character_maximum_length: 50, is_nullable: 'NO' },
    ]);
    expect(
      await rows(database, "SELECT i.indisvalid, i.indisunique FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'users_email_idx'"),
    ).toEqual([{ indisvalid: true, indisunique: true }]);
    expect(await targetStatus(t)).toMatchObject({ format: 'diesel', applied: versions, pending: [] });

    const down = await run(t, { action: 'downgrade', to: '20240102030405' });
    expect(down.steps.map((s) => [s.revision, s.direction])).toEqual([
      ['20240105120000', 'down'],
      ['20240103000000', 'down'],
    ]);
    expect((await rows(database, 'SELECT version FROM __diesel_schema_migrations ORDER BY version')).map((r) => r.version)).toEqual(versions.slice(0, 2));
    expect(await rows(database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).toEqual([
      { tablename: '__diesel_schema_migrations' },
      { tablename: 'users' },
    ]);
  });

  it('refuses records with a gap: diesel would run the unrecorded earlier migration, which a chain would call applied', async () => {
    const database = await scratchDatabase(server, 'diesel');
    await adminQuery(
      server,
      "CREATE TABLE __diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY NOT NULL, run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP); INSERT INTO __diesel_schema_migrations (version) VALUES ('00000000000000'), ('20240103000000')",
      database,
    );
    await expect(targetStatus(postgresTarget(server, database, crate, { projectFormat: 'auto' }))).rejects.toMatchObject({
      code: 'E_BOOKKEEPING_REFUSES',
      message: expect.stringContaining('`diesel migration run`'),
      detail: { missing: ['20240102030405'], later: '20240103000000' },
    });
  });

  it('reads what diesel recorded on a database it migrated, and applies only the rest', async () => {
    const database = await scratchDatabase(server, 'diesel');
    await adminQuery(
      server,
      'CREATE TABLE __diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY NOT NULL, run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP);' +
        "CREATE FUNCTION touch_updated_at() RETURNS trigger AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END; $$ LANGUAGE plpgsql; INSERT INTO __diesel_schema_migrations (version) VALUES ('00000000000000')",
      database,
    );
    const t = postgresTarget(server, database, join(crate, 'migrations'), { projectFormat: 'auto' });
    expect(await targetStatus(t)).toMatchObject({ applied: ['00000000000000'], pending: versions.slice(1) });
    expect((await run(t, { action: 'upgrade', to: 'heads' })).steps.map((s) => s.revision)).toEqual(versions.slice(1));
  });
});
