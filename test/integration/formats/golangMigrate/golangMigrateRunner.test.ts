// golang-migrate's bookkeeping as Switchyard writes it, checked against the layout migrate itself
// writes (no migrate binary here): golang-migrate/migrate database/postgres/postgres.go
// (ensureVersionTable: `version bigint not null primary key, dirty boolean not null`; SetVersion:
// TRUNCATE then one row) and migrate.go (runMigrations: the target version set dirty before a
// migration runs, clean after; after a down, the previous version, or no row at all).
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { SwitchyardError } from '../../../../src-shared/errors';
import { previewTarget, runTarget } from '../../../../src-main/runner/runnerService';
import { targetStatus } from '../../../../src-main/runner/targetStatus';
import { postgresTarget, sqliteTarget } from '../../../support/migrationTargets';
import { fixtures } from '../../../support/revisions';
import { openSqlite } from '../../../../src-main/sqliteModule';
import { adminQuery, scratchDatabase } from '../../../support/scratchDatabase';
import { tempDir } from '../../../support/tempDir';

const server = inject('postgres');
const options = { actor: 'tester', lockTimeoutMs: 2_000 };

function project(files: readonly string[]): string {
  const dir = join(tempDir(), 'migrations');
  mkdirSync(dir, { recursive: true });
  for (const file of files) copyFileSync(join(fixtures, 'golang-migrate-chain', file), join(dir, file));
  return dir;
}

const chain = [
  '0001_create_accounts.up.sql',
  '0001_create_accounts.down.sql',
  '0002_index_accounts.up.sql',
  '0002_index_accounts.down.sql',
  '0003_create_orders.up.sql',
  '0003_create_orders.down.sql',
];

async function versionRows(database: string): Promise<Array<{ version: string; dirty: boolean }>> {
  return (await adminQuery(server, 'SELECT version, dirty FROM schema_migrations', database)).rows;
}

async function columns(database: string): Promise<string[]> {
  const result = await adminQuery(
    server,
    "SELECT column_name || ' ' || data_type || ' ' || is_nullable AS c FROM information_schema.columns WHERE table_name = 'schema_migrations' ORDER BY ordinal_position",
    database,
  );
  return result.rows.map((r: { c: string }) => r.c);
}

describe('golang-migrate on PostgreSQL', () => {
  it("keeps migrate's one row: the version reached, clean; after a downgrade the version before, and no row at base", async () => {
    const database = await scratchDatabase(server, 'golang');
    const target = postgresTarget(server, database, project(chain), { projectFormat: 'golang-migrate' });

    await runTarget(target, { action: 'upgrade', to: 'heads' }, options);
    expect(await columns(database)).toEqual(['version bigint NO', 'dirty boolean NO']);
    expect(await versionRows(database)).toEqual([{ version: '3', dirty: false }]);
    const indexes = await adminQuery(server, "SELECT indexname FROM pg_indexes WHERE tablename = 'accounts'", database);
    expect(indexes.rows.map((r: { indexname: string }) => r.indexname)).toContain('accounts_by_email');

    await runTarget(target, { action: 'downgrade', to: '1' }, options);
    expect(await versionRows(database)).toEqual([{ version: '1', dirty: false }]);
    await runTarget(target, { action: 'downgrade', to: 'base' }, options);
    expect(await versionRows(database)).toEqual([]);
    expect(await targetStatus(target)).toMatchObject({ initialised: true, applied: [], pending: ['1', '2', '3'] });
  });

  it('reads a database migrate left at version 2 as 1 and 2 applied, and applies from 3', async () => {
    const database = await scratchDatabase(server, 'golang');
    await adminQuery(server, 'CREATE TABLE schema_migrations (version bigint not null primary key, dirty boolean not null)', database);
    await adminQuery(
      server,
      'CREATE TABLE accounts (id integer PRIMARY KEY, email text NOT NULL); CREATE INDEX accounts_by_email ON accounts (email)',
      database,
    );
    await adminQuery(server, 'INSERT INTO schema_migrations VALUES (2, false)', database);
    const target = postgresTarget(server, database, project(chain), { projectFormat: 'golang-migrate' });

    expect(await targetStatus(target)).toMatchObject({ applied: ['1', '2'], pending: ['3'] });
    const run = await runTarget(target, { action: 'upgrade', to: 'heads' }, options);
    expect(run.steps.map((s) => s.revision)).toEqual(['3']);
    expect(await versionRows(database)).toEqual([{ version: '3', dirty: false }]);
  });

  it('a statement run outside a transaction that fails leaves the version dirty, as migrate does, and the next run is refused with the way out', async () => {
    const database = await scratchDatabase(server, 'golang');
    const target = postgresTarget(server, database, project([...chain, '0004_link_refunds.up.sql', '0004_link_refunds.down.sql']), {
      projectFormat: 'golang-migrate',
    });

    const failed = await runTarget(target, { action: 'upgrade', to: 'heads' }, options).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(SwitchyardError);
    expect(await versionRows(database)).toEqual([{ version: '4', dirty: true }]);

    const refused = await runTarget(target, { action: 'upgrade', to: 'heads' }, options).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SwitchyardError);
    expect((refused as SwitchyardError).code).toBe('E_BOOKKEEPING_REFUSES');
    expect((refused as SwitchyardError).message).toMatch(/version 4 is dirty.*migrate force 4/);
    expect(await versionRows(database)).toEqual([{ version: '4', dirty: true }]);
    // The status says it too, before anyone tries a run.
    expect((await targetStatus(target)).runRefusal).toMatch(/version 4 is dirty.*migrate force 4/);
  });

  it('a failing file of several statements runs in one transaction: nothing of it stays, and the version stays clean', async () => {
    const database = await scratchDatabase(server, 'golang');
    const dir = project(['0001_create_accounts.up.sql', '0001_create_accounts.down.sql']);
    writeFileSync(join(dir, '0002_refunds.up.sql'), 'CREATE TABLE refunds (id integer);\nALTER TABLE payments ADD COLUMN refund_id integer;\n');
    const target = postgresTarget(server, database, dir, { projectFormat: 'golang-migrate' });

    await expect(runTarget(target, { action: 'upgrade', to: 'heads' }, options)).rejects.toThrow(/payments/);
    expect(await versionRows(database)).toEqual([{ version: '1', dirty: false }]);
    const refunds = await adminQuery(server, "SELECT to_regclass('refunds') AS t", database);
    expect(refunds.rows[0].t).toBeNull();
  });

  it('refuses before anything runs a file of several statements holding one PostgreSQL runs only outside a transaction, saying how migrate would run it', async () => {
    const database = await scratchDatabase(server, 'golang');
    const dir = project(['0001_create_accounts.up.sql', '0001_create_accounts.down.sql']);
    writeFileSync(join(dir, '0002_orders.up.sql'), 'CREATE TABLE orders (id integer);\nCREATE INDEX CONCURRENTLY orders_by_id ON orders (id);\n');
    const target = postgresTarget(server, database, dir, { projectFormat: 'golang-migrate' });

    const preview = await previewTarget(target, { action: 'upgrade', to: 'heads' }, 'tester');
    expect(preview.findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        revision: '2',
        message: expect.stringMatching(/0002_orders\.up\.sql:2.*a migration file holding that statement alone/),
      }),
    ]);
    await expect(runTarget(target, { action: 'upgrade', to: 'heads' }, options)).rejects.toMatchObject({ code: 'E_PREFLIGHT' });
    // Not even 0001, which could have run: the run is refused whole.
    expect(await versionRows(database)).toEqual([]);
    expect((await adminQuery(server, "SELECT to_regclass('accounts') AS t", database)).rows[0].t).toBeNull();
  });
});

describe('golang-migrate on SQLite', () => {
  it("keeps migrate's one row there too, through an upgrade and a downgrade to base", async () => {
    const dir = tempDir();
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    writeFileSync(join(migrations, '1_notes.up.sql'), 'CREATE TABLE notes (id INTEGER PRIMARY KEY);\n');
    writeFileSync(join(migrations, '1_notes.down.sql'), 'DROP TABLE notes;\n');
    writeFileSync(join(migrations, '2_tags.up.sql'), 'CREATE TABLE tags (id INTEGER PRIMARY KEY);\nCREATE TABLE note_tags (note INTEGER, tag INTEGER);\n');
    writeFileSync(join(migrations, '2_tags.down.sql'), 'DROP TABLE note_tags;\nDROP TABLE tags;\n');
    const path = join(dir, 'app.sqlite');
    const target = sqliteTarget(path, migrations, { projectFormat: 'golang-migrate' });
    const rows = () => {
      const db = openSqlite(path, { readonly: true });
      try {
        return db.prepare('SELECT version, dirty FROM schema_migrations').all();
      } finally {
        db.close();
      }
    };

    await runTarget(target, { action: 'upgrade', to: 'heads' }, options);
    expect(rows()).toEqual([{ version: 2, dirty: 0 }]);
    await runTarget(target, { action: 'downgrade', to: 'base' }, options);
    expect(rows()).toEqual([]);
    expect(await targetStatus(target)).toMatchObject({ applied: [], pending: ['1', '2'] });
  });
});
