// The reset wizard on PostgreSQL: sessions ended, the database back at the target, and the snapshot
// taken first giving the old data back exactly — also when a step fails.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { planWith } from '../../../src-main/reset/resetRun';
import { runTarget } from '../../../src-main/runner/runnerService';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';
import { openSession, postgresTarget, reset, rows, scopeOf, shopProject, shopWithData as shopDatabase, unlockedServices } from './resetSupport';

const server = inject('postgres');

const shopWithData = (prefix?: string) => shopDatabase(server, prefix);

const customers = (database: string) => rows(server, database, 'SELECT id, name FROM customers ORDER BY id');
const tableNames = async (database: string) =>
  (await rows(server, database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).map((r) => (r as { tablename: string }).tablename);

describe('reset on PostgreSQL', () => {
  // Safety-net snapshots are kept on purpose; the shared test server should not collect them.
  afterEach(async () => {
    const left = await adminQuery(server, "SELECT datname FROM pg_database WHERE datname LIKE 'switchyard\\_snapshot\\_%'");
    for (const { datname } of left.rows as Array<{ datname: string }>) await adminQuery(server, `DROP DATABASE "${datname}"`);
  });

  it('ends a live session, recreates the database at the target, and the snapshot restores the old data exactly', async () => {
    const services = await unlockedServices();
    const { database, target } = await shopWithData();
    const colleague = await openSession(server, database);
    const lost = new Promise((resolve) => colleague.once('error', resolve));
    const plan = await planWith(services.snapshots, scopeOf(target), { mode: 'recreate', to: 'heads', takeSnapshot: true }, 'tester');
    // customers 2, orders 1, switchyard_migrations 2, leftovers 0.
    expect(plan.impact).toMatchObject({
      tables: 4,
      rows: 5,
      rowsExact: true,
      sessions: [expect.objectContaining({ application: 'colleague-psql', user: server.user })],
    });
    expect(plan.impact.privileges.ok).toBe(true);

    const result = await reset(services, target, { to: 'heads' });

    expect(result.ok).toBe(true);
    expect(result.steps.map((s) => [s.step, s.outcome])).toEqual([
      ['snapshot', 'done'],
      ['terminate', 'done'],
      ['drop', 'done'],
      ['create', 'done'],
      ['migrate', 'done'],
      ['verify', 'done'],
    ]);
    expect(await lost).toBeTruthy();
    expect(result.verification).toMatchObject({ ok: true, heads: ['ordr02'], missingTables: [], unexpectedTables: [] });
    expect(await tableNames(database)).toEqual(['customers', 'orders', 'switchyard_migrations']);
    expect(await customers(database)).toEqual([]);

    const undo = await services.snapshots.restore(scopeOf(target), result.snapshot?.id ?? '', 'tester', { endSessions: true });
    expect(undo.snapshot.heads).toEqual(['ordr02']);
    expect(await customers(database)).toEqual([
      { id: 1, name: 'Ada' },
      { id: 2, name: 'Grace' },
    ]);
    expect(await tableNames(database)).toContain('leftovers');
    const actions = services.session.store.audit.list(50).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['reset.start', 'reset.step', 'reset.done', 'snapshot.create', 'snapshot.restore']));
  });

  it('keeps the owner, encoding and collation of the database it recreates', async () => {
    const services = await unlockedServices();
    const database = await scratchDatabase(server, 'shape');
    await adminQuery(server, `DROP DATABASE "${database}"`);
    await adminQuery(server, `CREATE DATABASE "${database}" ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`);
    const shape =
      'SELECT pg_encoding_to_char(encoding) AS encoding, datcollate, datctype, pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = current_database()';
    const before = await rows(server, database, shape);
    const result = await reset(services, postgresTarget(server, database, ''), {});
    expect(result.ok).toBe(true);
    expect(await rows(server, database, shape)).toEqual(before);
  });

  it('stops at a seed file with an error, says the database is migrated but not seeded, and the snapshot gives the old data back', async () => {
    const services = await unlockedServices();
    const { database, target } = await shopWithData();
    const seed = join(tempDir(), 'seed.sql');
    writeFileSync(seed, "INSERT INTO customers VALUES (7, 'Linus');\nINSERT INTO no_such_table VALUES (1);\n");

    const result = await reset(services, target, { to: 'heads', seedFile: seed });

    expect(result.ok).toBe(false);
    expect(result.stoppedAt).toBe('seed');
    expect(result.steps.at(-1)).toMatchObject({ step: 'seed', outcome: 'failed', message: expect.stringContaining('no_such_table') });
    expect(result.databaseState).toContain('the seed did not complete');
    expect(await customers(database)).toEqual([]);
    await services.snapshots.restore(scopeOf(target), result.snapshot?.id ?? '', 'tester', { endSessions: true });
    expect(await customers(database)).toEqual([
      { id: 1, name: 'Ada' },
      { id: 2, name: 'Grace' },
    ]);
  });

  it('stops at a migration that fails, and the snapshot gives the old data back', async () => {
    const services = await unlockedServices();
    const { database, project, target } = await shopWithData();
    writeFileSync(
      join(project, '003_broken.sql'),
      '-- revision: brok03\n-- parents: ordr02\n-- message: broken\n-- migrate:up\nALTER TABLE nowhere ADD COLUMN x int;\n-- migrate:down\nSELECT 1;\n',
    );

    const result = await reset(services, target, { to: 'heads' });

    expect(result).toMatchObject({ ok: false, stoppedAt: 'migrate' });
    expect(result.steps.at(-1)?.message).toContain('brok03');
    expect(result.databaseState).toContain('migrations stopped');
    await services.snapshots.restore(scopeOf(target), result.snapshot?.id ?? '', 'tester', { endSessions: true });
    expect(await customers(database)).toEqual([
      { id: 1, name: 'Ada' },
      { id: 2, name: 'Grace' },
    ]);
  });

  it('wipes the schemas for a user who may not create databases, then migrates', async () => {
    const services = await unlockedServices();
    const { database, target } = await shopWithData();
    await rows(server, database, 'CREATE SCHEMA reporting; CREATE TABLE reporting.daily (d date);');
    const result = await reset(services, target, { mode: 'wipe', to: 'heads' });
    expect(result.ok).toBe(true);
    expect(await tableNames(database)).toEqual(['customers', 'orders', 'switchyard_migrations']);
    expect(await rows(server, database, "SELECT 1 FROM pg_namespace WHERE nspname = 'reporting'")).toEqual([]);
  });

  it('resets a database named demo"; DROP DATABASE x; -- and nothing else', async () => {
    const services = await unlockedServices();
    const bystander = await scratchDatabase(server, 'x');
    const hostile = `demo"; DROP DATABASE ${bystander}; --`;
    await adminQuery(server, `CREATE DATABASE "${hostile.replace(/"/g, '""')}"`);
    try {
      const target = postgresTarget(server, hostile, shopProject());
      await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'setup' });
      await rows(server, hostile, "INSERT INTO customers VALUES (1, 'Ada')");
      const result = await reset(services, target, { to: 'heads' });
      expect(result.ok).toBe(true);
      expect(await customers(hostile)).toEqual([]);
      const names = (await adminQuery(server, 'SELECT datname FROM pg_database')).rows.map((r: { datname: string }) => r.datname);
      expect(names).toEqual(expect.arrayContaining([bystander, hostile]));
      await services.snapshots.restore(scopeOf(target), result.snapshot?.id ?? '', 'tester', { endSessions: true });
      expect(await customers(hostile)).toEqual([{ id: 1, name: 'Ada' }]);
    } finally {
      await adminQuery(server, `DROP DATABASE IF EXISTS "${hostile.replace(/"/g, '""')}" WITH (FORCE)`);
    }
  });

  it('restores a chosen snapshot as a reset mode, with a snapshot of the present state first', async () => {
    const services = await unlockedServices();
    const { database, target } = await shopWithData();
    const morning = await services.snapshots.create(scopeOf(target), 'this morning', 'tester');
    await rows(server, database, "INSERT INTO customers VALUES (3, 'Linus')");
    const result = await reset(services, target, { mode: 'snapshot', snapshotId: morning.id });
    expect(result.steps.map((s) => s.step)).toEqual(['snapshot', 'terminate', 'restore', 'verify']);
    expect(result.ok).toBe(true);
    expect(await customers(database)).toHaveLength(2);
    await services.snapshots.restore(scopeOf(target), result.snapshot?.id ?? '', 'tester', { endSessions: true });
    expect(await customers(database)).toHaveLength(3);
  });

  it('lists, restores and deletes named snapshots with the revision they were taken at', async () => {
    const services = await unlockedServices();
    const { database, target } = await shopWithData();
    const scope = scopeOf(target);
    const snapshot = await services.snapshots.create(scope, 'before the demo', 'tester', { endSessions: false });
    expect(services.snapshots.list(scope)).toEqual([expect.objectContaining({ name: 'before the demo', heads: ['ordr02'], engine: 'postgres' })]);
    expect(snapshot.sizeBytes).toBeGreaterThan(1_000_000);
    await rows(server, database, 'DELETE FROM orders; DELETE FROM customers');
    await services.snapshots.restore(scope, snapshot.id, 'tester', { endSessions: true });
    expect(await customers(database)).toHaveLength(2);
    await services.snapshots.remove(scope, snapshot.id, 'tester', {});
    expect(services.snapshots.list(scope)).toEqual([]);
    expect(await adminQuery(server, `SELECT 1 FROM pg_database WHERE datname = '${snapshot.location}'`)).toMatchObject({ rowCount: 0 });
  });
});
