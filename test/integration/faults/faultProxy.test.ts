// The fault proxy itself: it holds exactly the statement asked for, before the server or after its
// reply, and declines SSL so every frame stays readable.
import { createConnection } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../../support/faultProxy';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';

const server = inject('postgres');
let proxy: FaultProxy;

beforeAll(async () => {
  proxy = await startFaultProxy(server);
});
afterAll(() => proxy.close());

async function clientThroughProxy(database: string): Promise<pg.Client> {
  const client = new pg.Client({ ...server, host: proxy.host, port: proxy.port, database });
  // A killed client's socket error is expected here; the test checks the server side.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

async function prepared(): Promise<string> {
  const database = await scratchDatabase(server, 'fault_proxy');
  await adminQuery(server, 'CREATE TABLE notes (id int PRIMARY KEY)', database);
  return database;
}

/** Ends the client's socket without a goodbye, as a SIGKILL does. */
function kill(client: pg.Client): void {
  (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
}

describe('fault proxy', () => {
  it('holds a matching statement before the server sees it, so a kill there loses the statement', async () => {
    const database = await prepared();
    const client = await clientThroughProxy(database);
    const held = proxy.holdAt(/INSERT INTO notes/);
    void client.query('INSERT INTO notes VALUES (1)').catch(() => undefined);
    const statement = await held;
    expect(statement.sql).toBe('INSERT INTO notes VALUES (1)');
    expect(statement.database).toBe(database);
    kill(client);
    expect((await adminQuery(server, 'SELECT count(*)::int AS n FROM notes', database)).rows).toEqual([{ n: 0 }]);
  });

  it('holds the reply of a statement the server has finished, so a kill there keeps its effect', async () => {
    const database = await prepared();
    const client = await clientThroughProxy(database);
    const held = proxy.holdAt(/INSERT INTO notes/, 'afterReply');
    let answered = false;
    void client.query('INSERT INTO notes VALUES (2)').then(
      () => (answered = true),
      () => undefined,
    );
    await held;
    expect(answered).toBe(false);
    kill(client);
    expect((await adminQuery(server, 'SELECT id FROM notes', database)).rows).toEqual([{ id: 2 }]);
  });

  it('matches parameterised statements (parse messages) and lets a released statement through', async () => {
    const database = await prepared();
    const client = await clientThroughProxy(database);
    const held = proxy.holdAt(/INSERT INTO notes/);
    const insert = client.query('INSERT INTO notes VALUES ($1)', [3]);
    const statement = await held;
    expect(statement.sql).toBe('INSERT INTO notes VALUES ($1)');
    statement.release();
    await insert;
    expect((await client.query('SELECT id FROM notes')).rows).toEqual([{ id: 3 }]);
    expect(proxy.statements()).toContain('SELECT id FROM notes');
    await client.end();
  });

  it('holds a statement chosen by the statements before it, and forgets holds that never matched', async () => {
    const database = await prepared();
    const client = await clientThroughProxy(database);
    void proxy.holdAt(/VALUES \(4\)/);
    proxy.disarm();
    const held = proxy.holdAt((sql, earlier) => sql.startsWith('INSERT') && earlier.some((s) => s.includes('VALUES (4)')));
    // Would hang here if the disarmed hold still caught it.
    await client.query('INSERT INTO notes VALUES (4)');
    void client.query('INSERT INTO notes VALUES (5)').catch(() => undefined);
    expect((await held).sql).toBe('INSERT INTO notes VALUES (5)');
    kill(client);
    expect((await adminQuery(server, 'SELECT id FROM notes', database)).rows).toEqual([{ id: 4 }]);
  });

  it('answers an SSL request with N', async () => {
    const socket = createConnection({ host: proxy.host, port: proxy.port });
    const request = Buffer.alloc(8);
    request.writeInt32BE(8, 0);
    request.writeInt32BE(80877103, 4);
    socket.write(request);
    const answer = await new Promise<string>((resolve) => socket.once('data', (data) => resolve(data.toString())));
    socket.destroy();
    expect(answer).toBe('N');
  });
});
