import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, testConnection } from '../../../src-main/drivers/connect';
import type { ConnectionTarget } from '../../../src-main/drivers/driver';
import { freePort } from '../../support/embeddedPostgres';
import { tempDir } from '../../support/tempDir';
import { join } from 'node:path';

const pg = inject('postgres');

function target(overrides: Partial<ConnectionTarget> = {}): ConnectionTarget {
  return {
    engine: 'postgres',
    host: pg.host,
    port: pg.port,
    database: 'postgres',
    user: pg.user,
    password: pg.password,
    sslMode: 'disable',
    sslCaFile: '',
    sqlitePath: '',
    readOnly: false,
    ...overrides,
  };
}

describe('test connection on PostgreSQL', () => {
  let silent: Server;
  let silentPort: number;
  const held = new Set<Socket>();
  beforeAll(async () => {
    // Accepts TCP and never answers: what a firewall black hole or a wedged server looks like.
    silent = createServer((socket) => held.add(socket));
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    silentPort = (silent.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const socket of held) socket.destroy();
    await new Promise<void>((done) => silent.close(() => done()));
  });

  it('reports server version, latency, current user and CREATEDB', async () => {
    const result = await testConnection(target());
    expect(result.serverVersion).toMatch(/^PostgreSQL 18\./);
    expect(result.latencyMs).toBeGreaterThan(0);
    expect(result.currentUser).toBe(pg.user);
    expect(result.canCreateDatabase).toBe(true);
    expect(result.readOnly).toBe(false);
  });

  it('says "wrong password" without ever echoing it', async () => {
    const error = await testConnection(target({ password: 'hunter2-not-it' })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_AUTH_FAILED', message: `Wrong password for user "${pg.user}" on ${pg.host}:${pg.port}.` });
    expect(JSON.stringify(error)).not.toContain('hunter2');
  });

  it('names an unknown database', async () => {
    await expect(testConnection(target({ database: 'no_such_db' }))).rejects.toMatchObject({
      code: 'E_UNKNOWN_DATABASE',
      message: expect.stringContaining('"no_such_db" does not exist'),
    });
  });

  it('says the connection was refused on a closed port', async () => {
    const closed = await freePort();
    await expect(testConnection(target({ port: closed }))).rejects.toMatchObject({
      code: 'E_CONNECTION_REFUSED',
      message: expect.stringContaining(`127.0.0.1:${closed}`),
    });
  });

  it('says the host cannot be resolved', async () => {
    await expect(testConnection(target({ host: 'no-such-host.invalid' }))).rejects.toMatchObject({
      code: 'E_HOST_NOT_FOUND',
      message: expect.stringContaining('no-such-host.invalid'),
    });
  });

  it('times out on a server that never answers', async () => {
    await expect(testConnection(target({ port: silentPort, timeoutMs: 800 }))).rejects.toMatchObject({
      code: 'E_TIMEOUT',
      message: expect.stringContaining('did not answer within 1 s'),
    });
  });

  it('says when the server does not speak SSL and SSL was required', async () => {
    await expect(testConnection(target({ sslMode: 'require' }))).rejects.toMatchObject({ code: 'E_SSL_UNSUPPORTED' });
  });

  it('enforces read-only on the session: the server refuses writes', async () => {
    const driver = await connect(target({ readOnly: true }));
    try {
      expect((await driver.describe()).readOnly).toBe(true);
      await expect(driver.query('CREATE TABLE should_not_exist (id int)')).rejects.toMatchObject({ code: 'E_READ_ONLY' });
    } finally {
      await driver.close();
    }
  });
});

describe('test connection on SQLite', () => {
  it('reports the SQLite version for an existing file, and refuses a missing one without creating it', async () => {
    const dir = tempDir();
    const path = join(dir, 'app.sqlite');
    const created = await connect({ ...target(), engine: 'sqlite', sqlitePath: path }, { create: true });
    await created.close();
    expect((await testConnection({ ...target(), engine: 'sqlite', sqlitePath: path })).serverVersion).toMatch(/^SQLite 3\./);
    const missing = join(dir, 'missing.sqlite');
    await expect(testConnection({ ...target(), engine: 'sqlite', sqlitePath: missing })).rejects.toMatchObject({ code: 'E_FILE_NOT_FOUND' });
  });

  it('refuses writes on a read-only SQLite profile', async () => {
    const path = join(tempDir(), 'ro.sqlite');
    await (await connect({ ...target(), engine: 'sqlite', sqlitePath: path }, { create: true })).close();
    const driver = await connect({ ...target(), engine: 'sqlite', sqlitePath: path, readOnly: true });
    try {
      await expect(driver.query('CREATE TABLE t (id int)')).rejects.toMatchObject({ code: 'E_READ_ONLY' });
    } finally {
      await driver.close();
    }
  });
});
