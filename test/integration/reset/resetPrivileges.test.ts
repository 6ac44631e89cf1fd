// Privileges, checked before anything changes and explained when missing; and cancel, which stops
// before the next step.
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { SwitchyardError } from '../../../src-shared/errors';
import { planWith, runReset } from '../../../src-main/reset/resetRun';
import { runTarget } from '../../../src-main/runner/runnerService';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { postgresTarget, reset, rows, scopeOf, shopProject, unlockedServices } from './resetSupport';

const server = inject('postgres');

/** A database owned by a role without CREATEDB, as support staff often get. */
async function ownedByLimitedRole() {
  const role = `limited_${process.pid}_${Date.now()}`;
  await adminQuery(server, `CREATE ROLE ${role} LOGIN PASSWORD 'limited-pw'`);
  const database = await scratchDatabase(server, 'limited');
  await adminQuery(server, `ALTER DATABASE "${database}" OWNER TO ${role}`);
  await adminQuery(server, `ALTER SCHEMA public OWNER TO ${role}`, database);
  onTestFinished(async () => {
    await adminQuery(server, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await adminQuery(server, `DROP ROLE IF EXISTS ${role}`);
  });
  const target = postgresTarget({ ...server, user: role, password: 'limited-pw' }, database, shopProject());
  await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'setup' });
  return { database, target };
}

describe('reset privileges and cancel', () => {
  it('explains that a role without CREATEDB cannot recreate, nor snapshot, and lets it wipe', async () => {
    const services = await unlockedServices();
    const { database, target } = await ownedByLimitedRole();
    const scope = scopeOf(target);

    const recreate = await planWith(services.snapshots, scope, { mode: 'recreate', takeSnapshot: true }, 'tester');
    expect(recreate.impact.privileges).toMatchObject({ ok: false, explanation: expect.stringContaining('lacks CREATEDB') });
    expect(recreate.refusals.join(' ')).toContain('A snapshot is a copy made with CREATE DATABASE');
    await expect(reset(services, target, { mode: 'recreate' })).rejects.toMatchObject({ code: 'E_PREFLIGHT' });

    const wipe = await planWith(services.snapshots, scope, { mode: 'wipe', takeSnapshot: false, skipSnapshotAcknowledged: true }, 'tester');
    expect(wipe.impact.privileges.ok).toBe(true);
    expect(wipe.refusals).toEqual([]);
    const result = await reset(services, target, { mode: 'wipe', to: 'heads', takeSnapshot: false, skipSnapshotAcknowledged: true });
    expect(result.ok).toBe(true);
    expect(await rows(server, database, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).toEqual([{ n: 3 }]);
  });

  it('stops before the next step when cancelled, leaving the database unchanged and the snapshot kept', async () => {
    const services = await unlockedServices();
    const database = await scratchDatabase(server, 'cancel');
    const target = postgresTarget(server, database, shopProject());
    await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'setup' });
    await rows(server, database, "INSERT INTO customers VALUES (1, 'Ada')");
    const controller = new AbortController();
    const result = await runReset(
      services.snapshots,
      scopeOf(target),
      { mode: 'recreate', to: 'heads', takeSnapshot: true },
      {
        actor: 'tester',
        confirmation: { typedName: database },
        operation: {
          opId: 'cancel',
          signal: controller.signal,
          // The user presses Cancel while the snapshot is being taken.
          progress: (_done, _total, _message, detail) => (detail as { step?: string }).step === 'snapshot' && controller.abort(),
          log: () => undefined,
          checkpoint: () => {
            if (controller.signal.aborted) throw new SwitchyardError('E_CANCELLED', 'Cancelled by the user.');
          },
        },
      },
    );
    expect(result).toMatchObject({ ok: false, stoppedAt: 'terminate', databaseState: 'unchanged: nothing was dropped' });
    expect(result.steps.map((s) => [s.step, s.outcome])).toEqual([
      ['snapshot', 'done'],
      ['terminate', 'cancelled'],
    ]);
    expect(await rows(server, database, 'SELECT name FROM customers')).toEqual([{ name: 'Ada' }]);
    expect(services.snapshots.list(scopeOf(target))).toHaveLength(1);
    await adminQuery(server, `DROP DATABASE "${result.snapshot?.location ?? ''}"`);
  });
});
