// The server goes away in the middle of a reset's migrate step: the reset stops there and says so,
// and once the server is back the snapshot taken first gives the old data back exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReset } from '../../../src-main/reset/resetRun';
import { runTarget } from '../../../src-main/runner/runnerService';
import { startPostgres, type PostgresServer } from '../../support/embeddedPostgres';
import { adminQuery } from '../../support/scratchDatabase';
import { postgresTarget, rows, scopeOf, shop, shopProject, unlockedServices } from './resetSupport';

describe('a reset when the server is lost', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('stops at the migrate step, and the snapshot restores the old data after the server is back', async () => {
    const services = await unlockedServices();
    await adminQuery(server, 'CREATE DATABASE outage');
    const project = shopProject(shop);
    const target = postgresTarget(server, 'outage', project);
    await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'setup' });
    await rows(server, 'outage', "INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace')");
    const slow = postgresTarget(server, 'outage', shopProject([...shop.slice(0, 1), { ...shop[1]!, up: `${shop[1]!.up}\nSELECT pg_sleep(30);` }]));

    const logs: string[] = [];
    const running = runReset(
      services.snapshots,
      scopeOf(slow),
      { mode: 'recreate', to: 'heads', takeSnapshot: true },
      {
        actor: 'tester',
        confirmation: { typedName: 'outage' },
        operation: {
          opId: 't',
          signal: new AbortController().signal,
          progress: () => undefined,
          checkpoint: () => undefined,
          log: (_level, line) => logs.push(line),
        },
      },
    );
    while (!logs.some((line) => line.includes('ordr02'))) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    await server.halt();
    const result = await running;

    expect(result).toMatchObject({ ok: false, stoppedAt: 'migrate' });
    expect(result.steps.at(-1)).toMatchObject({ step: 'migrate', outcome: 'failed', message: expect.stringContaining('lost') });
    expect(result.databaseState).toContain('migrations stopped');

    await server.resume();
    await services.snapshots.restore(scopeOf(target), result.snapshot?.id ?? '', 'tester', { endSessions: true });
    expect(await rows(server, 'outage', 'SELECT id, name FROM customers ORDER BY id')).toEqual([
      { id: 1, name: 'Ada' },
      { id: 2, name: 'Grace' },
    ]);
  });
});
