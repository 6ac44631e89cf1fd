// sqitch and Switchyard take turns on one PostgreSQL database and agree at every turn: the real sqitch
// deploys part of a project, Switchyard reads the same status and deploys the rest in the plan's order,
// `sqitch status` agrees; each reverts what the other deployed.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { RunRequest } from '../../../../src-shared/model/run';
import { runTarget } from '../../../../src-main/runner/runnerService';
import { targetStatus } from '../../../../src-main/runner/targetStatus';
import type { MigrationTarget } from '../../../../src-main/targets/migrationTarget';
import { postgresTarget } from '../../../support/migrationTargets';
import { adminQuery, scratchDatabase } from '../../../support/scratchDatabase';
import { copyOfFixture, sqitch, sqitchTarget } from './sqitchCli';

const server = inject('postgres');
const options = { actor: 'switchyard tester', lockTimeoutMs: 5_000 };
const run = (t: MigrationTarget, request: RunRequest) => runTarget(t, request, options);
const shopTarget = (database: string, project: string) => postgresTarget(server, database, project, { projectFormat: 'auto' });

/** The registry rows that do not depend on who wrote them or when. */
async function registry(database: string) {
  const query = async (sql: string) => (await adminQuery(server, sql, database)).rows as unknown[];
  return {
    projects: await query('SELECT project, uri FROM sqitch.projects ORDER BY project'),
    releases: await query('SELECT version FROM sqitch.releases'),
    changes: await query(
      'SELECT change_id, script_hash, change, project, note, planned_at, planner_name, planner_email FROM sqitch.changes ORDER BY committed_at',
    ),
    tags: await query('SELECT tag_id, tag, project, change_id, note, planned_at, planner_name, planner_email FROM sqitch.tags ORDER BY tag'),
    dependencies: await query('SELECT change_id, type, dependency, dependency_id FROM sqitch.dependencies ORDER BY change_id, dependency'),
    events: await query(
      'SELECT event, change_id, change, project, note, requires, conflicts, tags, planned_at, planner_name, planner_email FROM sqitch.events ORDER BY committed_at',
    ),
  };
}

describe('sqitch interop on PostgreSQL', () => {
  it('reads the plan order: sqitch deploys part, Switchyard agrees and deploys the rest in plan order, then sqitch status agrees', async () => {
    const database = await scratchDatabase(server, 'sqitch');
    const project = copyOfFixture('sqitch-shop');
    const uri = sqitchTarget(server, database);
    const target = shopTarget(database, project);

    const partial = await sqitch(server, project, ['deploy', '--target', uri, '--to', 'orders']);
    expect(partial.code, partial.stderr).toBe(0);

    const before = await targetStatus(target);
    expect(before.format).toBe('sqitch');
    expect(before.applied).toEqual(['schema', 'users@v1.0', 'products', 'orders']);
    expect(before.pending).toEqual(['order_totals', 'audit', 'users', 'welcome_mail']);
    expect(before.changed).toEqual([]);

    // Alphabetically audit.sql would come first and fail: the schema it creates its table in is made by "schema".
    const rest = await run(target, { action: 'upgrade', to: 'heads' });
    expect(rest.steps.map((s) => s.revision)).toEqual(['order_totals', 'audit', 'users', 'welcome_mail']);
    expect(rest.status.pending).toEqual([]);
    const columns = await adminQuery(
      server,
      "SELECT column_name FROM information_schema.columns WHERE table_schema = 'shop' AND table_name = 'users' ORDER BY 1",
      database,
    );
    expect(columns.rows.map((r: { column_name: string }) => r.column_name)).toEqual(['email', 'id', 'name']);

    const status = await sqitch(server, project, ['status', '--target', uri]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('Nothing to deploy (up-to-date)');
    // sqitch's own checks of what it reads back: every deployed change's script hash and verify script.
    const verified = await sqitch(server, project, ['verify', '--target', uri]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    const checked = await sqitch(server, project, ['check', '--target', uri]);
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);

    // A deployed script edited since: both see the same change by its script hash.
    appendFileSync(join(project, 'deploy/products.sql'), '-- edited after deploy\n');
    expect((await targetStatus(target)).changed).toEqual(['products']);
    const mismatch = await sqitch(server, project, ['check', '--target', uri]);
    expect(mismatch.stdout + mismatch.stderr).toMatch(/Script signatures diverge|products/);
    expect(mismatch.code).not.toBe(0);
  });

  it('writes the registry rows sqitch writes for the same deploy and the same revert', async () => {
    const bySqitch = await scratchDatabase(server, 'sqitch');
    const bySwitchyard = await scratchDatabase(server, 'sqitch');
    const project = copyOfFixture('sqitch-shop');
    const deployed = await sqitch(server, project, ['deploy', '--target', sqitchTarget(server, bySqitch)]);
    expect(deployed.code, deployed.stderr).toBe(0);
    await run(shopTarget(bySwitchyard, project), { action: 'upgrade', to: 'heads' });

    const expected = await registry(bySqitch);
    expect(expected.changes).toHaveLength(8);
    expect(await registry(bySwitchyard)).toEqual(expected);
    const schema = async (database: string) =>
      (
        await adminQuery(
          server,
          `SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull, pg_get_expr(d.adbin, d.adrelid) AS def, col_description(c.oid, a.attnum) AS comment
             FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = 'sqitch' AND c.relkind = 'r' AND a.attnum > 0 ORDER BY 1, 2`,
          database,
        )
      ).rows;
    expect(await schema(bySwitchyard)).toEqual(await schema(bySqitch));

    // Reverts through a tagged change: the revert events keep its tag and dependencies, as sqitch's do.
    const reverted = await sqitch(server, project, ['revert', '--target', sqitchTarget(server, bySqitch), '-y', '--to', 'products']);
    expect(reverted.code, reverted.stderr).toBe(0);
    await run(shopTarget(bySwitchyard, project), { action: 'downgrade', to: 'products' });
    const afterRevert = await registry(bySqitch);
    expect(afterRevert.events.filter((e) => (e as { event: string }).event === 'revert')).toHaveLength(5);
    expect(await registry(bySwitchyard)).toEqual(afterRevert);
  });

  it('sqitch agrees after Switchyard reverts a change, reverts what Switchyard deployed, and deploys on top of it', async () => {
    const database = await scratchDatabase(server, 'sqitch');
    const project = copyOfFixture('sqitch-shop');
    const uri = sqitchTarget(server, database);
    const target = shopTarget(database, project);
    await run(target, { action: 'upgrade', to: 'heads' });

    const down = await run(target, { action: 'downgrade', to: 'audit' });
    expect(down.steps.map((s) => `${s.direction} ${s.revision}`)).toEqual(['down welcome_mail', 'down users']);
    const afterDown = await sqitch(server, project, ['status', '--target', uri]);
    expect(afterDown.stdout).toMatch(/Undeployed changes:\s+\* users\n\s+\* welcome_mail\n/);

    const reverted = await sqitch(server, project, ['revert', '--target', uri, '-y', '--to', '@v1.0']);
    expect(reverted.code, reverted.stderr).toBe(0);
    expect(reverted.stdout).toContain('- audit');
    expect(reverted.stdout).toContain('- order_totals');
    const status = await targetStatus(target);
    expect(status.applied).toEqual(['schema', 'users@v1.0', 'products', 'orders']);
    expect(status.pending).toEqual(['order_totals', 'audit', 'users', 'welcome_mail']);
    const log = await adminQuery(server, "SELECT event, change FROM sqitch.events WHERE event = 'revert' ORDER BY committed_at", database);
    expect(log.rows).toEqual([
      { event: 'revert', change: 'welcome_mail' },
      { event: 'revert', change: 'users' },
      { event: 'revert', change: 'audit' },
      { event: 'revert', change: 'order_totals' },
    ]);

    // sqitch carries on from the changes Switchyard deployed (schema … orders), and Switchyard reads it back.
    const onTop = await sqitch(server, project, ['deploy', '--target', uri, '--verify']);
    expect(onTop.code, onTop.stderr).toBe(0);
    expect(onTop.stdout).toContain('+ order_totals');
    expect((await targetStatus(target)).pending).toEqual([]);
  });

  it('stamps as sqitch deploy --log-only does: recorded, nothing run, and sqitch agrees', async () => {
    const database = await scratchDatabase(server, 'sqitch');
    const project = copyOfFixture('sqitch-shop');
    const target = shopTarget(database, project);
    const stamped = await run(target, { action: 'stamp', to: 'orders' });
    expect(stamped.status.applied).toEqual(['schema', 'users@v1.0', 'products', 'orders']);
    expect((await adminQuery(server, "SELECT 1 FROM pg_namespace WHERE nspname = 'shop'", database)).rows).toEqual([]);
    const status = await sqitch(server, project, ['status', '--target', sqitchTarget(server, database)]);
    expect(status.stdout).toMatch(/Name:\s+orders\n/);
    expect(status.stdout).toMatch(/Undeployed changes:\s+\* order_totals\n/);
  });
});
