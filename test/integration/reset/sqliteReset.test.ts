// The reset wizard and snapshots on SQLite, and the demo connection's "Reset demo".
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTarget } from '../../../src-main/runner/runnerService';
import { openSqlite } from '../../../src-main/sqliteModule';
import { demoSnapshotName } from '../../../src-shared/model/reset';
import { sqliteTarget } from '../../support/migrationTargets';
import { tempDir } from '../../support/tempDir';
import { reset, scopeOf, shopProject, unlockedServices } from './resetSupport';

function query(path: string, sql: string): unknown[] {
  const db = openSqlite(path);
  try {
    const statement = db.prepare(sql);
    if (!statement.reader) {
      statement.run();
      return [];
    }
    return statement.all();
  } finally {
    db.close();
  }
}

describe('reset on SQLite', () => {
  it('recreates the file at the target and the snapshot (online backup) restores the old rows', async () => {
    const services = await unlockedServices();
    const path = join(tempDir(), 'shop.sqlite');
    const target = sqliteTarget(path, shopProject());
    await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'setup' });
    const writer = openSqlite(path);
    writer.exec("INSERT INTO customers VALUES (1, 'Ada'); CREATE TABLE scratch (x int);");

    const result = await reset(services, target, { to: 'heads' }, { typedName: 'shop.sqlite' });

    expect(result.ok).toBe(true);
    expect(result.verification).toMatchObject({ ok: true, heads: ['ordr02'] });
    expect(query(path, 'SELECT * FROM customers')).toEqual([]);
    await services.snapshots.restore(scopeOf(target), result.snapshot?.id ?? '', 'tester', { endSessions: true });
    expect(query(path, 'SELECT name FROM customers')).toEqual([{ name: 'Ada' }]);
    writer.close();
  });

  it('wipes every table and keeps the file (mode wipe)', async () => {
    const services = await unlockedServices();
    const path = join(tempDir(), 'shop.sqlite');
    const target = sqliteTarget(path, shopProject());
    await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'setup' });
    const result = await reset(services, target, { mode: 'wipe' }, { typedName: 'shop.sqlite' });
    expect(result.ok).toBe(true);
    expect(query(path, "SELECT name FROM sqlite_schema WHERE type = 'table'")).toEqual([]);
    expect(result.steps.map((s) => s.step)).toEqual(['snapshot', 'drop', 'verify']);
    // SQLite has no schemas to drop and no public to create: the step says what it did.
    expect(result.steps.find((s) => s.step === 'drop')?.title).toBe('Drop every table and view (the file stays)');
  });

  it('gives the demo connection a pristine snapshot that "Reset demo" restores', async () => {
    const services = await unlockedServices();
    const demo = await services.demo.create('tester');
    const [pristine] = services.reset.listSnapshots({ profileId: demo.id });
    expect(pristine).toMatchObject({ name: demoSnapshotName, engine: 'sqlite' });
    const before = query(demo.sqlitePath, 'SELECT revision FROM switchyard_migrations ORDER BY revision');
    query(demo.sqlitePath, 'DELETE FROM switchyard_migrations');
    const restored = await services.reset.restoreSnapshot({ profileId: demo.id }, pristine?.id ?? '', 'tester', { endSessions: true });
    expect(restored.snapshot.name).toBe(demoSnapshotName);
    expect(query(demo.sqlitePath, 'SELECT revision FROM switchyard_migrations ORDER BY revision')).toEqual(before);
  });
});
