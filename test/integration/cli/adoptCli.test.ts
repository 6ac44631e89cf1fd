// `switchyard adopt --from TOOL`: a database another tool migrated, taken over by the project's own
// format. Here a team moves from Alembic to native SQL files with the same revision ids: alembic_version
// records the head, adopt records it and its ancestors in switchyard_migrations, nothing runs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { writeNativeProject } from '../../support/nativeProject';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');
const bin = resolve('bin/switchyard.mjs');

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: '', PGPASSWORD: server.password },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function rows(database: string, sql: string): Promise<unknown[]> {
  return (await adminQuery(server, sql, database)).rows;
}

describe('switchyard adopt', () => {
  it('shows, then writes, the old tool’s history in the new bookkeeping in one go, and status then agrees', async () => {
    const database = await scratchDatabase(server, 'adopt');
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, [
      { id: 'a1', parents: [], message: 'users', up: 'CREATE TABLE users (id int);', down: 'DROP TABLE users;' },
      { id: 'b2', parents: ['a1'], message: 'orders', up: 'CREATE TABLE orders (id int);', down: 'DROP TABLE orders;' },
      { id: 'c3', parents: ['b2'], message: 'invoices', up: 'CREATE TABLE invoices (id int);', down: 'DROP TABLE invoices;' },
    ]);
    // As Alembic left it: the tables of a1 and b2, and its one-row version table at b2.
    await adminQuery(server, 'CREATE TABLE users (id int); CREATE TABLE orders (id int);', database);
    await adminQuery(server, "CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY); INSERT INTO alembic_version VALUES ('b2');", database);
    const common = ['--url', `postgres://${server.user}@${server.host}:${server.port}/${database}`, '--project', project];

    // Before: everything pending, and the status says why and what to do.
    const before = cli(['status', ...common]);
    expect(before.stdout).toContain('pending:  3 revisions');
    expect(before.stdout).toMatch(/alembic's bookkeeping \(alembic_version: 1 record\).*switchyard adopt --from alembic/);

    const shown = cli(['adopt', '--from', 'alembic', ...common]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/INSERT INTO switchyard_migrations .*'a1'/);
    expect(shown.stdout).toMatch(/INSERT INTO switchyard_migrations .*'b2'/);
    expect(shown.stdout).not.toContain("'c3'");
    expect(shown.stdout).toContain('Nothing written');
    expect(await rows(database, "SELECT 1 FROM pg_tables WHERE tablename = 'switchyard_migrations'")).toEqual([]);

    const written = cli(['adopt', '--from', 'alembic', ...common, '--yes', '--json']);
    expect(written.code, written.stderr).toBe(0);
    expect(JSON.parse(written.stdout)).toMatchObject({ from: 'alembic', into: 'native', revisions: ['a1', 'b2'], unknown: [], written: true });
    expect(await rows(database, 'SELECT revision FROM switchyard_migrations ORDER BY revision')).toEqual([{ revision: 'a1' }, { revision: 'b2' }]);
    // The old table is left as it was.
    expect(await rows(database, 'SELECT version_num FROM alembic_version')).toEqual([{ version_num: 'b2' }]);

    const after = JSON.parse(cli(['status', ...common, '--json']).stdout) as Record<string, unknown>;
    expect(after).toMatchObject({ applied: ['a1', 'b2'], pending: ['c3'] });
    const up = cli(['upgrade', ...common]);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout).toContain('Ran 1 revision in');

    // Twice would mix two histories: refused, nothing written.
    const again = cli(['adopt', '--from', 'alembic', ...common, '--yes']);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/records 3 revisions already.*Nothing was written/);
  });

  it('moves a golang-migrate database to dbmate: migrate’s schema_migrations kept aside, dbmate then agrees', async () => {
    const database = await scratchDatabase(server, 'adopt');
    const project = join(tempDir(), 'db', 'migrations');
    mkdirSync(project, { recursive: true });
    // The team renamed 1_users.up.sql/.down.sql and friends into dbmate files, keeping the versions.
    const files: Array<[string, string, string]> = [
      ['1_users.sql', 'CREATE TABLE users (id int);', 'DROP TABLE users;'],
      ['2_orders.sql', 'CREATE TABLE orders (id int);', 'DROP TABLE orders;'],
      ['3_invoices.sql', 'CREATE TABLE invoices (id int);', 'DROP TABLE invoices;'],
    ];
    for (const [name, up, down] of files) writeFileSync(join(project, name), `-- migrate:up\n${up}\n\n-- migrate:down\n${down}\n`);
    // As golang-migrate left it at version 2: its one-row table (version bigint, dirty boolean).
    await adminQuery(
      server,
      'CREATE TABLE users (id int); CREATE TABLE orders (id int); CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL); INSERT INTO schema_migrations VALUES (2, false);',
      database,
    );
    const common = ['--url', `postgres://${server.user}@${server.host}:${server.port}/${database}`, '--project', project];

    const shown = cli(['adopt', '--from', 'golang-migrate', ...common]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('ALTER TABLE schema_migrations RENAME TO schema_migrations_golang_migrate;');
    expect(shown.stdout).toContain('would be renamed schema_migrations_golang_migrate');

    const written = cli(['adopt', '--from', 'golang-migrate', ...common, '--yes', '--json']);
    expect(written.code, written.stderr).toBe(0);
    expect(JSON.parse(written.stdout)).toMatchObject({ from: 'golang-migrate', into: 'dbmate', revisions: ['1', '2'] });
    expect(await rows(database, 'SELECT version FROM schema_migrations ORDER BY version')).toEqual([{ version: '1' }, { version: '2' }]);
    expect(await rows(database, 'SELECT version, dirty FROM schema_migrations_golang_migrate')).toEqual([{ version: '2', dirty: false }]);

    // The real dbmate reads what adopt wrote, and applies the rest itself.
    const url = `postgres://${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}@${server.host}:${server.port}/${database}?sslmode=disable`;
    const dbmate = (...args: string[]) =>
      spawnSync(resolve('node_modules/.bin/dbmate'), ['--url', url, '--migrations-dir', project, '--no-dump-schema', ...args], { encoding: 'utf8' });
    expect(dbmate('status').stdout).toMatch(/\[X\] 1_users\.sql\s+\[X\] 2_orders\.sql\s+\[ \] 3_invoices\.sql/);
    expect(dbmate('migrate').status).toBe(0);
    expect(JSON.parse(cli(['status', ...common, '--json']).stdout)).toMatchObject({ format: 'dbmate', applied: ['1', '2', '3'], pending: [] });
  });

  it('refuses a tool whose bookkeeping the database does not have', async () => {
    const database = await scratchDatabase(server, 'adopt');
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, [{ id: 'a1', parents: [], message: 'users', up: 'CREATE TABLE users (id int);' }]);
    const result = cli(['adopt', '--from', 'alembic', '--url', `postgres://${server.user}@${server.host}:${server.port}/${database}`, '--project', project]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('This database has no alembic bookkeeping (alembic_version): there is no history to adopt.');
  });
});
