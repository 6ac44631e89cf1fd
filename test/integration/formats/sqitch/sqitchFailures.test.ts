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
    expect(await relations(database)).toEqual(['products', 'users']);
    expect((await targetStatus(target)).pending[0]).toBe('orders');

    writeFileSync(script, fixed);
    const again = await runTarget(target, { action: 'upgrade', to: 'heads' }, options);
    expect(again.steps[0]?.revision).toBe('orders');
    expect(again.status.pending).toEqual([]);
  });

  it('refuses a change that conflicts with a deployed change of another project before running it, as sqitch does', async () => {
    const database = await scratchDatabase(server, 'sqitch');
    const uri = sqitchTarget(server, database);
    const legacy = join(tempDir(), 'legacy');
    mkdirSync(join(legacy, 'deploy'), { recursive: true });
    mkdirSync(join(legacy, 'revert'));
    writeFileSync(join(legacy, 'sqitch.conf'), '[core]\n\tengine = pg\n');
    writeFileSync(
      join(legacy, 'sqitch.plan'),
      '%syntax-version=1.0.0\n%project=legacy\n\naudit_log 2025-11-01T08:00:00Z Old Team <old@shop.example> # The old audit log.\n',
    );
    writeFileSync(join(legacy, 'deploy/audit_log.sql'), 'BEGIN;\nCREATE TABLE public.old_audit (id int);\nCOMMIT;\n');
    writeFileSync(join(legacy, 'revert/audit_log.sql'), 'BEGIN;\nDROP TABLE public.old_audit;\nCOMMIT;\n');
    const legacyDeployed = await sqitch(server, legacy, ['deploy', '--target', uri]);
    expect(legacyDeployed.code, legacyDeployed.stderr).toBe(0);

    const project = copyOfFixture('sqitch-shop');
    const target = postgresTarget(server, database, project, { projectFormat: 'auto' });
    const error = await failure(runTarget(target, { action: 'upgrade', to: 'heads' }, options));
    expect(error.code).toBe('E_BOOKKEEPING_REFUSES');
    expect(error.message).toContain('change "audit" conflicts with "legacy:audit_log", which is deployed');
    expect(await relations(database)).not.toContain('audit_log');
    expect((await targetStatus(target)).pending).toEqual(['audit', 'users']);

    const bySqitch = await sqitch(server, project, ['deploy', '--target', uri]);
    expect(bySqitch.code).not.toBe(0);
    expect(bySqitch.stderr).toContain('Conflicts with previously deployed change: legacy:audit_log');
  });
});
