// sqitch and Switchyard take turns on one SQLite database, whose sqitch registry is the file sqitch.db
// beside it, and agree at every turn: the real sqitch (DBD::SQLite) deploys part of a project,
// Switchyard reads the same status from that file and deploys the rest, `sqitch status` agrees; each
// reverts what the other deployed; both write the same registry rows.
import { appendFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunRequest } from '../../../../src-shared/model/run';
import { runTarget } from '../../../../src-main/runner/runnerService';
import { targetStatus } from '../../../../src-main/runner/targetStatus';
import { openSqlite } from '../../../../src-main/sqliteModule';
import { sqliteTarget } from '../../../support/migrationTargets';
import { tempDir } from '../../../support/tempDir';
import { copyOfFixture, sqitch, sqliteSqitchTarget } from './sqitchCli';

const options = { actor: 'switchyard tester', lockTimeoutMs: 5_000 };

/** A project copy and an empty database file in a folder of their own (the registry goes beside the database). */
function shop() {
  const project = copyOfFixture('sqitch-shop-sqlite');
  const database = join(tempDir(), 'shop.db');
  openSqlite(database).close();
  const target = sqliteTarget(database, project, { projectFormat: 'auto' });
  return {
    project,
    database,
    uri: sqliteSqitchTarget(database),
    target,
    run: (request: RunRequest) => runTarget(target, request, options),
    sqitch: (args: readonly string[]) => sqitch(null, project, args),
  };
}

function rows(file: string, sql: string): unknown[] {
  const db = openSqlite(file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

/** The registry rows that do not depend on who wrote them or when. */
function registry(database: string) {
  const file = join(database, '..', 'sqitch.db');
  return {
    projects: rows(file, 'SELECT project, uri FROM projects ORDER BY project'),
    releases: rows(file, 'SELECT version FROM releases'),
    changes: rows(file, 'SELECT change_id, script_hash, change, project, note, planned_at, planner_name, planner_email FROM changes ORDER BY committed_at'),
    tags: rows(file, 'SELECT tag_id, tag, project, change_id, note, planned_at, planner_name, planner_email FROM tags ORDER BY tag'),
    dependencies: rows(file, 'SELECT change_id, type, dependency, dependency_id FROM dependencies ORDER BY change_id, dependency'),
    events: rows(
      file,
      'SELECT event, change_id, change, project, note, requires, conflicts, tags, planned_at, planner_name, planner_email FROM events ORDER BY committed_at',
    ),
  };
}

const tables = (database: string) =>
  rows(database, "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') ORDER BY name").map((r) => (r as { name: string }).name);

describe('sqitch interop on SQLite', () => {
  it('reads the registry file: sqitch deploys part, Switchyard agrees and deploys the rest in plan order, then sqitch status agrees', async () => {
    const s = shop();
    const partial = await s.sqitch(['deploy', '--target', s.uri, '--to', 'orders']);
    expect(partial.code, partial.stderr).toBe(0);
    expect(existsSync(join(s.database, '..', 'sqitch.db'))).toBe(true);

    const before = await targetStatus(s.target);
    expect(before.format).toBe('sqitch');
    expect(before.applied).toEqual(['users@v1.0', 'products', 'orders']);
    expect(before.pending).toEqual(['order_totals', 'audit', 'users', 'welcome_mail']);
    expect(before.changed).toEqual([]);

    const rest = await s.run({ action: 'upgrade', to: 'heads' });
    expect(rest.steps.map((step) => step.revision)).toEqual(['order_totals', 'audit', 'users', 'welcome_mail']);
    expect(rest.status.pending).toEqual([]);
    expect(rows(s.database, "SELECT name FROM pragma_table_info('users') ORDER BY name")).toEqual([{ name: 'email' }, { name: 'id' }, { name: 'name' }]);
    // The registry is in its own file, as sqitch keeps it: nothing of it in the database.
    expect(tables(s.database)).toEqual(['audit', 'order_totals', 'orders', 'products', 'users', 'welcome_mail']);

    const status = await s.sqitch(['status', '--target', s.uri]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('Nothing to deploy (up-to-date)');
    const verified = await s.sqitch(['verify', '--target', s.uri]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    const checked = await s.sqitch(['check', '--target', s.uri]);
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);

    appendFileSync(join(s.project, 'deploy/products.sql'), '-- edited after deploy\n');
    expect((await targetStatus(s.target)).changed).toEqual(['products']);
  });

  it('writes the registry rows sqitch writes for the same deploy and the same revert', async () => {
    const bySqitch = shop();
    const bySwitchyard = shop();
    const deployed = await bySqitch.sqitch(['deploy', '--target', bySqitch.uri]);
    expect(deployed.code, deployed.stderr).toBe(0);
    await bySwitchyard.run({ action: 'upgrade', to: 'heads' });

    const expected = registry(bySqitch.database);
    expect(expected.changes).toHaveLength(7);
    expect(registry(bySwitchyard.database)).toEqual(expected);
    const schema = (database: string) => rows(join(database, '..', 'sqitch.db'), "SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    expect(schema(bySwitchyard.database).map((t) => (t as { name: string }).name)).toEqual(schema(bySqitch.database).map((t) => (t as { name: string }).name));

    const reverted = await bySqitch.sqitch(['revert', '--target', bySqitch.uri, '-y', '--to', 'products']);
    expect(reverted.code, reverted.stderr).toBe(0);
    await bySwitchyard.run({ action: 'downgrade', to: 'products' });
    const afterRevert = registry(bySqitch.database);
    expect(afterRevert.events.filter((e) => (e as { event: string }).event === 'revert')).toHaveLength(5);
    expect(registry(bySwitchyard.database)).toEqual(afterRevert);
  });

  it('sqitch agrees after Switchyard reverts, reverts what Switchyard deployed, and deploys on top of it', async () => {
    const s = shop();
    await s.run({ action: 'upgrade', to: 'heads' });
    const down = await s.run({ action: 'downgrade', to: 'audit' });
    expect(down.steps.map((step) => `${step.direction} ${step.revision}`)).toEqual(['down welcome_mail', 'down users']);
    const afterDown = await s.sqitch(['status', '--target', s.uri]);
    expect(afterDown.stdout).toMatch(/Undeployed changes:\s+\* users\n\s+\* welcome_mail\n/);

    const reverted = await s.sqitch(['revert', '--target', s.uri, '-y', '--to', '@v1.0']);
    expect(reverted.code, reverted.stderr).toBe(0);
    expect(reverted.stdout).toContain('- audit');
    expect(reverted.stdout).toContain('- order_totals');
    const status = await targetStatus(s.target);
    expect(status.applied).toEqual(['users@v1.0', 'products', 'orders']);
    expect(status.pending).toEqual(['order_totals', 'audit', 'users', 'welcome_mail']);

    const onTop = await s.sqitch(['deploy', '--target', s.uri, '--verify']);
    expect(onTop.code, onTop.stderr).toBe(0);
    expect(onTop.stdout).toContain('+ order_totals');
    expect((await targetStatus(s.target)).pending).toEqual([]);
  });

  it('refuses a deploy when the registry file and the plan disagree on the last change, before anything runs', async () => {
    const s = shop();
    const deployed = await s.sqitch(['deploy', '--target', s.uri, '--to', 'orders']);
    expect(deployed.code, deployed.stderr).toBe(0);
    // The registry's last change is now products although the plan has orders after it (sqitch: Cannot find change in plan).
    const registryFile = openSqlite(join(s.database, '..', 'sqitch.db'));
    registryFile.prepare("UPDATE changes SET committed_at = '2000-01-01 00:00:00.000' WHERE change = 'orders'").run();
    registryFile.close();
    await expect(s.run({ action: 'upgrade', to: 'heads' })).rejects.toThrow(/the last change of project "shop" deployed here is not "orders"/);
    expect(tables(s.database)).toEqual(['orders', 'products', 'users']);
    expect(rows(join(s.database, '..', 'sqitch.db'), "SELECT change FROM changes WHERE change = 'order_totals'")).toEqual([]);
  });

  it('stamps as sqitch deploy --log-only does: recorded, nothing run, and sqitch agrees', async () => {
    const s = shop();
    const stamped = await s.run({ action: 'stamp', to: 'orders' });
    expect(stamped.status.applied).toEqual(['users@v1.0', 'products', 'orders']);
    expect(tables(s.database)).toEqual([]);
    const status = await s.sqitch(['status', '--target', s.uri]);
    expect(status.stdout).toMatch(/Name:\s+orders\n/);
    expect(status.stdout).toMatch(/Undeployed changes:\s+\* order_totals\n/);
  });
});
