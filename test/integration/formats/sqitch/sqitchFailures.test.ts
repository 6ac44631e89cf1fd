// What sqitch refuses or undoes, Switchyard refuses or undoes the same way: a change whose verify
// script fails is reverted with its revert script, and a change conflicting with a deployed one is
// never run. The real sqitch then reads the same state.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { SwitchyardError } from '../../../../src-shared/errors';
import { runTarget } from '../../../../src-main/runner/runnerService';
import { targetStatus } from '../../../../src-main/runner/targetStatus';
import { postgresTarget } from '../../../support/migrationTargets';
import { adminQuery, scratchDatabase } from '../../../support/scratchDatabase';
import { tempDir } from '../../../support/tempDir';
import { copyOfFixture, sqitch, sqitchTarget } from './sqitchCli';

const server = inject('postgres');
const options = { actor: 'switchyard tester', lockTimeoutMs: 5_000 };

async function failure(promise: Promise<unknown>): Promise<SwitchyardError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SwitchyardError);
  return error as SwitchyardError;
}

const relations = async (database: string) =>
  (
    await adminQuery(
      server,
      "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE nspname = 'shop' AND relkind IN ('r', 'v') ORDER BY 1",
      database,
    )
  ).rows.map((r: { relname: string }) => r.relname);

/** A one-change sqitch project of its own, deployed by sqitch beside the shop. */
function otherProject(name: string, change: string, dependencies: string, deploy: string): string {
  const dir = join(tempDir(), name);
  mkdirSync(join(dir, 'deploy'), { recursive: true });
  mkdirSync(join(dir, 'revert'));
  writeFileSync(join(dir, 'sqitch.conf'), '[core]\n\tengine = pg\n');
  writeFileSync(
    join(dir, 'sqitch.plan'),
    `%syntax-version=1.0.0\n%project=${name}\n\n${change} ${dependencies}2025-11-01T08:00:00Z Old Team <old@shop.example> # ${change}.\n`,
  );
  writeFileSync(join(dir, `deploy/${change}.sql`), `BEGIN;\n${deploy}\nCOMMIT;\n`);
  writeFileSync(join(dir, `revert/${change}.sql`), 'SELECT 1;\n');
  return dir;
}

describe('sqitch failures on PostgreSQL', () => {
  it('reverts a change whose verify script fails, says so, and records nothing of it', async () => {
    const database = await scratchDatabase(server, 'sqitch');
    const project = copyOfFixture('sqitch-shop');
    writeFileSync(join(project, 'verify/orders.sql'), 'BEGIN;\nSELECT id, shipped_at FROM shop.orders WHERE FALSE;\nROLLBACK;\n');
    const target = postgresTarget(server, database, project, { projectFormat: 'auto' });

    const error = await failure(runTarget(target, { action: 'upgrade', to: 'heads' }, options));
    expect(error.code).toBe('E_MIGRATION_FAILED');
    expect(error.message).toContain("orders's verify script failed at verify/orders.sql:2:");
    expect(error.message).toContain('column "shipped_at" does not exist');
    expect(error.message).toContain('reverted with revert/orders.sql');

    expect(await relations(database)).toEqual(['products', 'users']);
    const status = await targetStatus(target);
    expect(status.applied).toEqual(['schema', 'users@v1.0', 'products']);
    expect(status.pending[0]).toBe('orders');
    const sqitchStatus = await sqitch(server, project, ['status', '--target', sqitchTarget(server, database)]);
    expect(sqitchStatus.stdout).toMatch(/Name:\s+products\n/);
    expect(sqitchStatus.stdout).toMatch(/Undeployed changes:\s+\* orders @v1.0\n/);
  });

  it('leaves nothing of a deploy script that fails inside its own transaction, and runs it again once fixed', async () => {
    const database = await scratchDatabase(server, 'sqitch');
    const project = copyOfFixture('sqitch-shop');
    const script = join(project, 'deploy/orders.sql');
    const fixed = readFileSync(script, 'utf8');
    writeFileSync(script, fixed.replace('COMMIT;', 'INSERT INTO shop.orders VALUES (1, 1, 1, 1);\nCOMMIT;'));
    const target = postgresTarget(server, database, project, { projectFormat: 'auto' });

    const error = await failure(runTarget(target, { action: 'upgrade', to: 'heads' }, options));
    expect(error.message).toMatch(/^orders failed at deploy\/orders\.sql:10:\d+: insert or update on table "orders" violates foreign key constraint/);
    expect(error.message).toContain(
      'It failed inside the transaction its script opened at line 3, which was rolled back: nothing of it stays applied, and it is not recorded.',
    );
    expect(await relations(database)).toEqual(['products', 'users']);
    expect((await targetStatus(target)).pending[0]).toBe('orders');

    writeFileSync(script, fixed);
    const again = await runTarget(target, { action: 'upgrade', to: 'heads' }, options);
    expect(again.steps[0]?.revision).toBe('orders');
    expect(again.status.pending).toEqual([]);
  });

  it('refuses a deploy holding a change that conflicts with a deployed change of another project before running anything, as sqitch does', async () => {
    const database = await scratchDatabase(server, 'sqitch');
    const uri = sqitchTarget(server, database);
    const legacy = otherProject('legacy', 'audit_log', '', 'CREATE TABLE public.old_audit (id int);');
    const legacyDeployed = await sqitch(server, legacy, ['deploy', '--target', uri]);
    expect(legacyDeployed.code, legacyDeployed.stderr).toBe(0);

    const project = copyOfFixture('sqitch-shop');
    const target = postgresTarget(server, database, project, { projectFormat: 'auto' });
    const error = await failure(runTarget(target, { action: 'upgrade', to: 'heads' }, options));
    expect(error.code).toBe('E_BOOKKEEPING_REFUSES');
    expect(error.message).toContain('change "audit" conflicts with "legacy:audit_log", which is deployed');
    expect(await relations(database)).not.toContain('audit_log');
    // sqitch checks the whole deploy first: not even the changes planned before "audit" ran.
    expect((await targetStatus(target)).applied).toEqual([]);

    const bySqitch = await sqitch(server, project, ['deploy', '--target', uri]);
    expect(bySqitch.code).not.toBe(0);
    expect(bySqitch.stderr).toContain('Conflicts with previously deployed change: legacy:audit_log');
    // sqitch agrees: it deployed nothing either.
    expect((await targetStatus(target)).applied).toEqual([]);
  });

  it('refuses a revert that would take away a change a deployed change of another project requires, before reverting anything, as sqitch does', async () => {
    const database = await scratchDatabase(server, 'sqitch');
    const uri = sqitchTarget(server, database);
    const project = copyOfFixture('sqitch-shop');
    const target = postgresTarget(server, database, project, { projectFormat: 'auto' });
    await runTarget(target, { action: 'upgrade', to: 'heads' }, options);
    const reports = otherProject('reports', 'mailing', '[shop:users] ', 'CREATE TABLE public.mailing (email text);');
    const deployed = await sqitch(server, reports, ['deploy', '--target', uri]);
    expect(deployed.code, deployed.stderr).toBe(0);
    const before = (await targetStatus(target)).applied;
    const relationsBefore = await relations(database);

    // shop:users is the first users deployed (users@v1.0), as sqitch resolves a name: reverting to schema stops there.
    const error = await failure(runTarget(target, { action: 'downgrade', to: 'schema' }, options));
    expect(error.code).toBe('E_BOOKKEEPING_REFUSES');
    expect(error.message).toContain('sqitch: change "users" is required by reports:mailing, which stays deployed; revert it first.');
    expect(error.message).toContain('Nothing was run.');
    // sqitch checks the whole revert first: nothing of it ran, not even the changes after users@v1.0.
    expect((await targetStatus(target)).applied).toEqual(before);
    expect(await relations(database)).toEqual(relationsBefore);

    const bySqitch = await sqitch(server, project, ['revert', '--target', uri, '-y', '--to', 'schema']);
    expect(bySqitch.code).not.toBe(0);
    expect(bySqitch.stderr).toContain('Change "users" required by currently deployed change: reports:mailing');
  });

  it('refuses to deploy when the registry and the plan disagree, as sqitch does, and names the changes only the database knows', async () => {
    const database = await scratchDatabase(server, 'sqitch');
    const uri = sqitchTarget(server, database);
    const project = copyOfFixture('sqitch-shop');
    const deployed = await sqitch(server, project, ['deploy', '--target', uri, '--to', 'users@v1.0']);
    expect(deployed.code, deployed.stderr).toBe(0);
    // A note edited in the plan changes every change id from there on: none of the registry's changes is the plan's.
    const planFile = join(project, 'sqitch.plan');
    writeFileSync(planFile, readFileSync(planFile, 'utf8').replace("# The shop's own schema.", '# The schema of the shop.'));
    const target = postgresTarget(server, database, project, { projectFormat: 'auto' });

    const status = await targetStatus(target);
    expect(status.applied).toEqual([]);
    expect(status.unknown).toEqual([expect.stringMatching(/^schema \(change_id [0-9a-f]{40}\)$/), expect.stringMatching(/^users \(change_id [0-9a-f]{40}\)$/)]);
    const error = await failure(runTarget(target, { action: 'upgrade', to: 'schema' }, options));
    expect(error.code).toBe('E_BOOKKEEPING_REFUSES');
    expect(error.message).toContain('project "shop" has changes deployed here, although "schema" is the plan\'s first: the registry and the plan disagree');
    expect(await relations(database)).toEqual(['users']);

    const bySqitch = await sqitch(server, project, ['deploy', '--target', uri]);
    expect(bySqitch.code).not.toBe(0);
  });
});
