// What a reset refuses, before it changes anything: a wrong typed name, production without the
// second acknowledgement or without a snapshot, a skipped snapshot nobody acknowledged, read-only.
import { describe, expect, inject, it } from 'vitest';
import { runTarget } from '../../../src-main/runner/runnerService';
import { scratchDatabase } from '../../support/scratchDatabase';
import { postgresTarget, reset, rows, scopeOf, shopProject, unlockedServices } from './resetSupport';

const server = inject('postgres');

async function shopWithData(overrides: Parameters<typeof postgresTarget>[3] = {}) {
  const database = await scratchDatabase(server, 'refuse');
  const target = postgresTarget(server, database, shopProject(), overrides);
  await runTarget({ ...target, environment: 'dev' }, { action: 'upgrade', to: 'heads' }, { actor: 'setup' });
  await rows(server, database, "INSERT INTO customers VALUES (1, 'Ada')");
  return { database, target };
}

const stillThere = async (database: string) => expect(await rows(server, database, 'SELECT name FROM customers')).toEqual([{ name: 'Ada' }]);

describe('reset refusals', () => {
  it('refuses a reset when the typed name does not match, and changes nothing', async () => {
    const services = await unlockedServices();
    const { database, target } = await shopWithData();
    await expect(reset(services, target, { to: 'heads' }, { typedName: `${database} ` })).rejects.toMatchObject({
      code: 'E_CONFIRMATION_REQUIRED',
      message: expect.stringContaining('does not match'),
    });
    await stillThere(database);
    expect(services.snapshots.list(scopeOf(target))).toEqual([]);
  });

  it('refuses production without the second acknowledgement naming the environment', async () => {
    const services = await unlockedServices();
    const { database, target } = await shopWithData({ environment: 'prod' });
    await expect(reset(services, target, {})).rejects.toMatchObject({ code: 'E_CONFIRMATION_REQUIRED', message: expect.stringContaining('production') });
    await stillThere(database);
    const result = await reset(services, target, {}, { environmentAcknowledged: 'production' });
    expect(result.ok).toBe(true);
  });

  it('refuses to skip the snapshot on production, even acknowledged', async () => {
    const services = await unlockedServices();
    const { database, target } = await shopWithData({ environment: 'prod' });
    await expect(reset(services, target, { takeSnapshot: false, skipSnapshotAcknowledged: true }, { environmentAcknowledged: 'prod' })).rejects.toMatchObject({
      code: 'E_PREFLIGHT',
      message: expect.stringContaining('always takes a snapshot'),
    });
    await stillThere(database);
  });

  it('skips the snapshot only when that is acknowledged', async () => {
    const services = await unlockedServices();
    const { database, target } = await shopWithData();
    await expect(reset(services, target, { takeSnapshot: false })).rejects.toMatchObject({
      code: 'E_PREFLIGHT',
      message: expect.stringContaining('acknowledgement'),
    });
    await stillThere(database);
    const result = await reset(services, target, { takeSnapshot: false, skipSnapshotAcknowledged: true });
    expect(result.steps.map((s) => s.step)).toEqual(['terminate', 'drop', 'create', 'verify']);
    expect(result.snapshot).toBeUndefined();
  });

  it('refuses a read-only profile', async () => {
    const services = await unlockedServices();
    const { database, target } = await shopWithData();
    const readOnly = { ...target, connection: { ...target.connection, readOnly: true } };
    await expect(reset(services, readOnly, {})).rejects.toMatchObject({ code: 'E_PREFLIGHT', message: expect.stringContaining('read-only') });
    await expect(services.snapshots.restore({ key: 'k', target: readOnly }, 'any', 'tester', { endSessions: true })).rejects.toMatchObject({
      code: 'E_READ_ONLY',
    });
    await stillThere(database);
  });
});
