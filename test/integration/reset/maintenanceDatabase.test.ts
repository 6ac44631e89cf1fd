// Servers without a `postgres` database (some hosted ones): a reset drops and creates from template1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTarget } from '../../../src-main/runner/runnerService';
import { startPostgres, type PostgresServer } from '../../support/embeddedPostgres';
import { adminQuery } from '../../support/scratchDatabase';
import { postgresTarget, reset, rows, shopProject, unlockedServices } from './resetSupport';

describe('a server without the postgres database', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres();
    await adminQuery(server, 'CREATE DATABASE shop');
    await adminQuery(server, 'ALTER DATABASE postgres RENAME TO postgres_elsewhere', 'template1');
  });
  afterAll(async () => {
    await server.stop();
  });

  it('still resets, working from template1', async () => {
    const services = await unlockedServices();
    const target = postgresTarget(server, 'shop', shopProject());
    await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'setup' });
    await rows(server, 'shop', "INSERT INTO customers VALUES (1, 'Ada')");
    const result = await reset(services, target, { to: 'heads' });
    expect(result.ok).toBe(true);
    expect(await rows(server, 'shop', 'SELECT * FROM customers')).toEqual([]);
  });
});
