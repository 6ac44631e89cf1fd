// dbmate and Switchyard taking turns on one PostgreSQL database, with the real dbmate binary (the
// `dbmate` npm package): each sees what the other applied, and each reverts what the other applied.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { SwitchyardError } from '../../../../src-shared/errors';
import { runTarget } from '../../../../src-main/runner/runnerService';
import { targetStatus } from '../../../../src-main/runner/targetStatus';
import { postgresTarget, sqliteTarget } from '../../../support/migrationTargets';
import { fixtures } from '../../../support/revisions';
import { adminQuery, scratchDatabase } from '../../../support/scratchDatabase';
import { tempDir } from '../../../support/tempDir';

const server = inject('postgres');
const options = { actor: 'tester', lockTimeoutMs: 2_000 };
const dbmateBinary = resolve('node_modules/.bin/dbmate');

const accounts = '20240101090000';
const index = '20240102090000';
const orders = '20240103090000';
const refunds = '20240104090000';

/** The fixture's files without its duplicate and stray: what a dbmate project holds. */
function project(files: readonly string[]): string {
  const dir = join(tempDir(), 'db', 'migrations');
  mkdirSync(dir, { recursive: true });
  addFiles(dir, files);
  return dir;
}

function addFiles(dir: string, files: readonly string[]): void {
  for (const file of files) copyFileSync(join(fixtures, 'dbmate-chain', file), join(dir, file));
}

/** `database`: a PostgreSQL database's name, or a SQLite file's path. */
async function dbmate(database: string, dir: string, ...args: string[]): Promise<string> {
  const url = database.startsWith('/')
    ? `sqlite:${database}`
    : `postgres://${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}@${server.host}:${server.port}/${database}?sslmode=disable`;
  const { stdout } = await promisify(execFile)(dbmateBinary, ['--url', url, '--migrations-dir', dir, '--no-dump-schema', ...args]);
  return stdout;
}

async function recordedVersions(database: string): Promise<string[]> {
  const result = await adminQuery(server, 'SELECT version FROM schema_migrations ORDER BY version', database);
  return result.rows.map((r: { version: string }) => r.version);
}

async function relations(database: string): Promise<string[]> {
  const result = await adminQuery(
    server,
    "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'i') ORDER BY 1",
    database,
  );
  return result.rows.map((r: { relname: string }) => r.relname);
}

/** `dbmate status` lines, `[X] file` or `[ ] file`. */
function statusLines(output: string): string[] {
  return output.split('\n').filter((line) => line.startsWith('['));
}

describe('dbmate and Switchyard on one database', () => {
  it('dbmate applies part, Switchyard agrees and applies the rest, dbmate agrees; each reverts what the other applied', async () => {
    const database = await scratchDatabase(server, 'dbmate');
    const dir = project(['20240101090000_create_accounts.sql', '20240102090000_index_accounts.sql']);
    await dbmate(database, dir, 'migrate');
    addFiles(dir, ['20240103090000_create_orders.sql']);
    const target = postgresTarget(server, database, dir, { projectFormat: 'dbmate' });

    const before = await targetStatus(target);
    expect(before).toMatchObject({ format: 'dbmate', applied: [accounts, index], pending: [orders], changed: [], unknown: [] });

    const run = await runTarget(target, { action: 'upgrade', to: 'heads' }, options);
    expect(run.steps.map((s) => s.revision)).toEqual([orders]);
    expect(await recordedVersions(database)).toEqual([accounts, index, orders]);
    expect(statusLines(await dbmate(database, dir, 'status'))).toEqual([
      '[X] 20240101090000_create_accounts.sql',
      '[X] 20240102090000_index_accounts.sql',
      '[X] 20240103090000_create_orders.sql',
    ]);

    // dbmate reverts what Switchyard applied...
    await dbmate(database, dir, 'rollback');
    expect(await relations(database)).not.toContain('orders');
    expect((await targetStatus(target)).pending).toEqual([orders]);

    // ...and Switchyard reverts what dbmate applied, the non-transactional index included.
    await runTarget(target, { action: 'downgrade', to: accounts }, options);
    expect(await relations(database)).toEqual(['accounts', 'accounts_pkey', 'schema_migrations', 'schema_migrations_pkey']);
    expect(await recordedVersions(database)).toEqual([accounts]);
    expect(statusLines(await dbmate(database, dir, 'status'))).toEqual([
      '[X] 20240101090000_create_accounts.sql',
      '[ ] 20240102090000_index_accounts.sql',
      '[ ] 20240103090000_create_orders.sql',
    ]);

    // And dbmate applies what Switchyard reverted, on Switchyard's records.
    await dbmate(database, dir, 'migrate');
    expect(await relations(database)).toEqual(expect.arrayContaining(['accounts_by_email', 'orders']));
    expect((await targetStatus(target)).pending).toEqual([]);
  });

  it('a failing migration leaves no record and nothing of itself, and dbmate still sees it pending', async () => {
    const database = await scratchDatabase(server, 'dbmate');
    const dir = project(['20240101090000_create_accounts.sql', '20240104090000_add_refunds.sql']);
    const target = postgresTarget(server, database, dir, { projectFormat: 'dbmate' });

    const error = await runTarget(target, { action: 'upgrade', to: 'heads' }, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SwitchyardError);
    expect((error as SwitchyardError).message).toMatch(/payments/);
    expect(await recordedVersions(database)).toEqual([accounts]);
    expect(await relations(database)).not.toContain('refunds');
    expect(statusLines(await dbmate(database, dir, 'status'))).toEqual(['[X] 20240101090000_create_accounts.sql', '[ ] 20240104090000_add_refunds.sql']);
    expect((await targetStatus(target)).pending).toEqual([refunds]);
  });

  it('on SQLite too: dbmate applies, Switchyard applies the rest, and each reverts what the other applied', async () => {
    const dir = project(['20240101090000_create_accounts.sql']);
    const file = join(tempDir(), 'app.sqlite');
    await dbmate(file, dir, 'migrate');
    addFiles(dir, ['20240103090000_create_orders.sql']);
    const target = sqliteTarget(file, dir, { projectFormat: 'dbmate' });

    expect(await targetStatus(target)).toMatchObject({ applied: [accounts], pending: [orders] });
    await runTarget(target, { action: 'upgrade', to: 'heads' }, options);
    expect(statusLines(await dbmate(file, dir, 'status'))).toEqual(['[X] 20240101090000_create_accounts.sql', '[X] 20240103090000_create_orders.sql']);

    await dbmate(file, dir, 'rollback');
    expect(await targetStatus(target)).toMatchObject({ applied: [accounts], pending: [orders] });
    await runTarget(target, { action: 'downgrade', to: 'base' }, options);
    expect(statusLines(await dbmate(file, dir, 'status'))).toEqual(['[ ] 20240101090000_create_accounts.sql', '[ ] 20240103090000_create_orders.sql']);
  });

  it('a migration dbmate would apply out of order (an older version merged late) is said, not read as applied, until dbmate applies it', async () => {
    const database = await scratchDatabase(server, 'dbmate');
    const dir = project(['20240101090000_create_accounts.sql', '20240103090000_create_orders.sql']);
    await dbmate(database, dir, 'migrate');
    addFiles(dir, ['20240102090000_index_accounts.sql']);
    const target = postgresTarget(server, database, dir, { projectFormat: 'dbmate' });
    expect(statusLines(await dbmate(database, dir, 'status'))).toContain('[ ] 20240102090000_index_accounts.sql');

    await expect(targetStatus(target)).rejects.toMatchObject({
      code: 'E_BOOKKEEPING_REFUSES',
      message: expect.stringMatching(/dbmate records 20240103090000 but not 20240102090000.*dbmate migrate/),
    });
    await expect(runTarget(target, { action: 'upgrade', to: 'heads' }, options)).rejects.toMatchObject({ code: 'E_BOOKKEEPING_REFUSES' });

    await dbmate(database, dir, 'migrate');
    expect(await targetStatus(target)).toMatchObject({ applied: [accounts, index, orders], pending: [] });
  });
});
