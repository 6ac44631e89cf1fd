// Taking a snapshot asks first (issue 10, finding 10) and is never invisible (finding 5): read-only
// connections are refused before anything runs, production needs its name typed, connected sessions
// are listed and ended only when agreed; a copy whose process was killed is finished or cleaned up
// on the next open, and listed until then.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Snapshot } from '../../../src-shared/model/reset';
import { databaseKeyOf } from '../../../src-main/reset/databaseKey';
import { quoteIdentifier } from '../../../src-main/drivers/identifier';
import { runTarget } from '../../../src-main/runner/runnerService';
import { engineFor } from '../../../src-main/engines/engineFor';
import { sqliteTarget } from '../../support/migrationTargets';
import { adminQuery } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';
import { conditionOf, endedProcessId, openSession, rows, scopeOf, shopProject, shopWithData, unlockedServices } from './resetSupport';

const server = inject('postgres');
const snapshotDatabases = async () =>
  (await adminQuery(server, "SELECT datname FROM pg_database WHERE datname LIKE 'switchyard\\_snapshot\\_%'")).rows.map(
    (r) => (r as { datname: string }).datname,
  );

afterEach(async () => {
  for (const name of await snapshotDatabases()) await adminQuery(server, `DROP DATABASE ${quoteIdentifier(name)} WITH (FORCE)`);
});

describe('taking a snapshot', () => {
  it('refuses a read-only connection before anything runs, even with its sessions agreed to end', async () => {
    const services = await unlockedServices();
    const earlier = await snapshotDatabases(); // other files' copies on the shared server are not ours to count
    const { database, target } = await shopWithData(server, 'readonly');
    const colleague = await openSession(server, database);
    const readOnly = { ...target, connection: { ...target.connection, readOnly: true } };

    await expect(services.snapshots.create(scopeOf(readOnly), 'no', 'tester', { endSessions: true })).rejects.toMatchObject({ code: 'E_READ_ONLY' });

    expect((await colleague.query('SELECT 1 AS alive')).rows).toEqual([{ alive: 1 }]);
    expect(await snapshotDatabases()).toEqual(earlier);
    expect(services.snapshots.list(scopeOf(target))).toEqual([]);
    await colleague.end();
  });

  it('needs the production connection name typed', async () => {
    const services = await unlockedServices();
    const earlier = await snapshotDatabases(); // other files' copies on the shared server are not ours to count
    const { target } = await shopWithData(server, 'prod');
    const production = { ...target, environment: 'prod' as const };

    await expect(services.snapshots.create(scopeOf(production), 'no', 'tester', { endSessions: true })).rejects.toMatchObject({
      code: 'E_CONFIRMATION_REQUIRED',
      message: expect.stringContaining(`type its name (${target.name})`),
    });
    await expect(services.snapshots.create(scopeOf(production), 'no', 'tester', { endSessions: true, typedName: 'production' })).rejects.toMatchObject({
      code: 'E_CONFIRMATION_REQUIRED',
    });
    expect(await snapshotDatabases()).toEqual(earlier);

    const taken = await services.snapshots.create(scopeOf(production), 'yes', 'tester', { endSessions: true, typedName: target.name });
    expect(taken.state).toBe('ready');
  });

  it('lists the connected sessions and ends them only when agreed', async () => {
    const services = await unlockedServices();
    const earlier = await snapshotDatabases(); // other files' copies on the shared server are not ours to count
    const { database, target } = await shopWithData(server, 'sessions');
    const colleague = await openSession(server, database);
    const lost = new Promise((resolve) => colleague.once('error', resolve));

    await expect(services.snapshots.create(scopeOf(target), 'asked', 'tester', { endSessions: false })).rejects.toMatchObject({
      code: 'E_SESSIONS_CONNECTED',
      message: expect.stringContaining('colleague-psql'),
      detail: { sessions: [expect.objectContaining({ application: 'colleague-psql', user: server.user })] },
    });
    expect((await colleague.query('SELECT 1 AS alive')).rows).toEqual([{ alive: 1 }]);
    expect(await snapshotDatabases()).toEqual(earlier);

    const taken = await services.snapshots.create(scopeOf(target), 'agreed', 'tester', { endSessions: true });
    expect(taken.sessionsEnded).toBe(1);
    expect(await lost).toBeTruthy();
  });

  it("lists a colleague's session but not this process's own read of the database", async () => {
    const services = await unlockedServices();
    const { database, target } = await shopWithData(server, 'own read');
    const colleague = await openSession(server, database);
    // What the problem summary or a drift read holds open while the user is asked who is connected.
    const ownRead = await engineFor('postgres').connect(target.connection);
    try {
      const refused = services.snapshots.create(scopeOf(target), 'asked', 'tester', { endSessions: false });
      await expect(refused).rejects.toMatchObject({
        code: 'E_SESSIONS_CONNECTED',
        detail: { sessions: [expect.objectContaining({ application: 'colleague-psql' })] },
      });
    } finally {
      await ownRead.close();
      await colleague.end();
    }
  });
});

describe('a snapshot whose process was killed', () => {
  it('is listed while unfinished, and on the next open a complete PostgreSQL copy is kept, closed and restorable', async () => {
    const services = await unlockedServices();
    const { database, target } = await shopWithData(server, 'killed');
    const location = 'switchyard_snapshot_killedcopy00000000000';
    const recorded: Snapshot = {
      id: 'killed-copy',
      profileId: 'url:x',
      databaseKey: databaseKeyOf(target.connection),
      state: 'creating',
      name: 'Before reset, killed',
      createdAt: new Date().toISOString(),
      sizeBytes: 0,
      heads: ['ordr02'],
      engine: 'postgres',
      location,
    };
    // What a CLI killed right after its CREATE DATABASE leaves: the record, and the copy on the server.
    services.session.store.snapshots.add(recorded, endedProcessId());
    await adminQuery(server, `CREATE DATABASE ${quoteIdentifier(location)} TEMPLATE ${quoteIdentifier(database)}`);
    expect(services.snapshots.list(scopeOf(target))).toEqual([expect.objectContaining({ id: 'killed-copy', state: 'creating' })]);

    const condition = await conditionOf(services, target);

    expect(condition.settled).toEqual([expect.stringContaining('"Before reset, killed" was interrupted after its copy was complete')]);
    expect(services.snapshots.list(scopeOf(target))).toEqual([expect.objectContaining({ id: 'killed-copy', state: 'ready', sizeBytes: expect.any(Number) })]);
    await expect(openSession(server, location)).rejects.toThrow(/not currently accepting connections/);
    await rows(server, database, 'DELETE FROM orders');
    await services.snapshots.restore(scopeOf(target), 'killed-copy', 'tester', { endSessions: true });
    expect(await rows(server, database, 'SELECT id FROM orders')).toEqual([{ id: 10 }]);
  });

  it('on SQLite, removes the partial file and its journal on the next open, and says so', async () => {
    const services = await unlockedServices();
    const path = join(tempDir(), 'shop.sqlite');
    const target = sqliteTarget(path, shopProject());
    await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'setup' });
    const location = join(services.snapshots.snapshotDir, 'killed.sqlite');
    services.session.store.snapshots.add(
      {
        id: 'killed-file',
        profileId: 'url:x',
        databaseKey: databaseKeyOf(target.connection),
        state: 'creating',
        name: 'half a file',
        createdAt: new Date().toISOString(),
        sizeBytes: 0,
        heads: [],
        engine: 'sqlite',
        location,
      },
      endedProcessId(),
    );
    // What a backup killed half-way leaves beside the snapshot's place.
    mkdirSync(services.snapshots.snapshotDir, { recursive: true });
    writeFileSync(`${location}.partial`, 'SQLite format 3\0 half written');
    writeFileSync(`${location}.partial-journal`, 'hot journal');

    const condition = await conditionOf(services, target);

    expect(condition.settled).toEqual([expect.stringContaining('"half a file" was interrupted before its copy was complete')]);
    expect(services.snapshots.list(scopeOf(target))).toEqual([]);
    expect(existsSync(`${location}.partial`)).toBe(false);
    expect(existsSync(`${location}.partial-journal`)).toBe(false);
  });

  it('is left alone while the process making it is alive', async () => {
    const services = await unlockedServices();
    const { target } = await shopWithData(server, 'alive');
    services.session.store.snapshots.add(
      {
        id: 'in-flight',
        profileId: 'url:x',
        databaseKey: databaseKeyOf(target.connection),
        state: 'creating',
        name: 'in flight',
        createdAt: new Date().toISOString(),
        sizeBytes: 0,
        heads: [],
        engine: 'postgres',
        location: 'switchyard_snapshot_inflight000000000000000',
      },
      process.pid,
    );

    expect((await conditionOf(services, target)).settled).toEqual([]);
    expect(services.snapshots.list(scopeOf(target))).toEqual([expect.objectContaining({ id: 'in-flight', state: 'creating' })]);
  });
});
