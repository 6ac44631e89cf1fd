// goose's bookkeeping as Switchyard writes it, checked against the layout goose itself writes (no goose
// binary here): pressly/goose internal/dialects/postgres.go and sqlite3.go (CreateTable, InsertVersion,
// DeleteVersion, ListMigrations ordered by id) and its first row for version 0, written with the table.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { openSqlite } from '../../../../src-main/sqliteModule';
import { runTarget } from '../../../../src-main/runner/runnerService';
import { targetStatus } from '../../../../src-main/runner/targetStatus';
import { postgresTarget, sqliteTarget } from '../../../support/migrationTargets';
import { fixtures } from '../../../support/revisions';
import { adminQuery, scratchDatabase } from '../../../support/scratchDatabase';
import { tempDir } from '../../../support/tempDir';

const server = inject('postgres');
const options = { actor: 'tester', lockTimeoutMs: 2_000 };

function project(files: readonly string[]): string {
  const dir = join(tempDir(), 'migrations');
  mkdirSync(dir, { recursive: true });
  for (const file of files) copyFileSync(join(fixtures, 'goose-chain', file), join(dir, file));
  return dir;
}

const chain = ['00001_create_accounts.sql', '00002_index_accounts.sql', '00003_count_accounts.sql'];

async function versionRows(database: string): Promise<Array<[string, boolean]>> {
  const result = await adminQuery(server, 'SELECT version_id, is_applied FROM goose_db_version ORDER BY id', database);
  return result.rows.map((r: { version_id: string; is_applied: boolean }) => [r.version_id, r.is_applied]);
}

describe('goose on PostgreSQL', () => {
  it("writes goose_db_version as goose does: its columns, the version-0 row, a row per apply, and a revert deletes the version's rows", async () => {
    const database = await scratchDatabase(server, 'goose');
    const target = postgresTarget(server, database, project(chain), { projectFormat: 'goose' });

    await runTarget(target, { action: 'upgrade', to: 'heads' }, options);
    const columns = await adminQuery(
      server,
      "SELECT column_name, data_type, is_nullable, is_identity FROM information_schema.columns WHERE table_name = 'goose_db_version' ORDER BY ordinal_position",
      database,
    );
    expect(columns.rows.map((c: Record<string, string>) => `${c.column_name} ${c.data_type} ${c.is_nullable} ${c.is_identity}`)).toEqual([
      'id integer NO YES',
      'version_id bigint NO NO',
      'is_applied boolean NO NO',
      'tstamp timestamp without time zone NO NO',
    ]);
    expect(await versionRows(database)).toEqual([
      ['0', true],
      ['1', true],
      ['2', true],
      ['3', true],
    ]);
    expect((await adminQuery(server, 'SELECT account_count() AS n', database)).rows[0].n).toBe('0');

    // goose's own insert names no id: the table must number its rows itself.
    await adminQuery(server, 'INSERT INTO goose_db_version (version_id, is_applied) VALUES (9, true)', database);
    await adminQuery(server, 'DELETE FROM goose_db_version WHERE version_id = 9', database);

    await runTarget(target, { action: 'downgrade', to: '1' }, options);
    expect(await versionRows(database)).toEqual([
      ['0', true],
      ['1', true],
    ]);
    expect((await adminQuery(server, "SELECT to_regclass('orders') AS t", database)).rows[0].t).toBeNull();
    expect(await targetStatus(target)).toMatchObject({ applied: ['1'], pending: ['2', '3'] });
  });

  it('reads a database an older goose migrated: the latest row of a version decides, a rolled-back version is pending', async () => {
    const database = await scratchDatabase(server, 'goose');
    await adminQuery(
      server,
      `CREATE TABLE goose_db_version (id serial NOT NULL, version_id bigint NOT NULL, is_applied boolean NOT NULL, tstamp timestamp NULL DEFAULT now(), PRIMARY KEY (id));
       INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, true), (1, true), (2, true), (2, false);
       CREATE TABLE accounts (id integer PRIMARY KEY, email text NOT NULL);`,
      database,
    );
    const target = postgresTarget(server, database, project(chain), { projectFormat: 'goose' });

    expect(await targetStatus(target)).toMatchObject({ initialised: true, applied: ['1'], pending: ['2', '3'], unknown: [] });
    const run = await runTarget(target, { action: 'upgrade', to: 'heads' }, options);
    expect(run.steps.map((s) => s.revision)).toEqual(['2', '3']);
    expect((await versionRows(database)).slice(-2)).toEqual([
      ['2', true],
      ['3', true],
    ]);
  });

  it('refuses, as goose does without -allow-missing, a database that has a version applied above one it has not', async () => {
    const database = await scratchDatabase(server, 'goose');
    const target = postgresTarget(server, database, project(chain), { projectFormat: 'goose' });
    await runTarget(target, { action: 'upgrade', to: '1' }, options);
    await adminQuery(server, 'CREATE TABLE orders (id integer PRIMARY KEY); INSERT INTO goose_db_version (version_id, is_applied) VALUES (3, true)', database);

    await expect(targetStatus(target)).rejects.toMatchObject({
      code: 'E_BOOKKEEPING_REFUSES',
      message: expect.stringMatching(/goose records version 3 but not 2.*-allow-missing/),
    });
    await expect(runTarget(target, { action: 'upgrade', to: 'heads' }, options)).rejects.toMatchObject({ code: 'E_BOOKKEEPING_REFUSES' });
  });
});

describe('goose on SQLite', () => {
  it('creates goose_db_version as goose declares it for SQLite and records each apply', async () => {
    const dir = tempDir();
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    writeFileSync(join(migrations, '001_notes.sql'), '-- +goose Up\nCREATE TABLE notes (id INTEGER PRIMARY KEY);\n-- +goose Down\nDROP TABLE notes;\n');
    writeFileSync(join(migrations, '002_tags.sql'), '-- +goose Up\nCREATE TABLE tags (id INTEGER PRIMARY KEY);\n-- +goose Down\nDROP TABLE tags;\n');
    const path = join(dir, 'app.sqlite');
    const target = sqliteTarget(path, migrations, { projectFormat: 'goose' });

    await runTarget(target, { action: 'upgrade', to: 'heads' }, options);
    const db = openSqlite(path, { readonly: true });
    try {
      const table = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'goose_db_version'").get() as { sql: string };
      expect(table.sql).toMatch(/id INTEGER PRIMARY KEY AUTOINCREMENT/);
      expect(db.prepare('SELECT version_id, is_applied FROM goose_db_version ORDER BY id').all()).toEqual([
        { version_id: 0, is_applied: 1 },
        { version_id: 1, is_applied: 1 },
        { version_id: 2, is_applied: 1 },
      ]);
    } finally {
      db.close();
    }
    expect(await targetStatus(target)).toMatchObject({ applied: ['1', '2'], pending: [] });
  });
});
