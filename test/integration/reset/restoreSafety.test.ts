// A restore on PostgreSQL never destroys before its copy is certain (issue 10, findings 1 and 4): the
// snapshot is cloned beside the database and swapped in by rename, the database keeps the owner,
// encoding and collation recorded with the snapshot, and a failure leaves it as it was and says so.
import { afterEach, describe, expect, inject, it } from 'vitest';
import { quoteIdentifier } from '../../../src-main/drivers/identifier';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { openSession, postgresTarget, rows, scopeOf, shopWithData, unlockedServices } from './resetSupport';

const server = inject('postgres');
const consent = { endSessions: true };
const everyRow = (database: string) =>
  rows(server, database, "SELECT 'customers' AS t, id, name AS v FROM customers UNION ALL SELECT 'orders', id, customer_id::text FROM orders ORDER BY 1, 2");
const shapeOf = (database: string) =>
  rows(
    server,
    'postgres',
    `SELECT pg_get_userbyid(datdba) AS owner, pg_encoding_to_char(encoding) AS encoding, datcollate, datctype FROM pg_database WHERE datname = '${database}'`,
  );

/** A database with a snapshot, and a row written since: "as it was" and "as the snapshot" differ. */
async function writtenSinceSnapshot(prefix: string) {
  const services = await unlockedServices();
  const { database, target } = await shopWithData(server, prefix);
  const snapshot = await services.snapshots.create(scopeOf(target), prefix, 'tester', { endSessions: false });
  await rows(server, database, "INSERT INTO customers VALUES (3, 'written since')");
  return { services, database, target, snapshot, now: await everyRow(database) };
}

describe('restoring a snapshot on PostgreSQL', () => {
  afterEach(async () => {
    const left = await adminQuery(server, "SELECT datname FROM pg_database WHERE datname ~ '^switchyard_(snapshot|restoring|replaced)_'");
    for (const { datname } of left.rows as Array<{ datname: string }>) await adminQuery(server, `DROP DATABASE ${quoteIdentifier(datname)} WITH (FORCE)`);
  });

  it('makes snapshot databases refuse connections, so nobody can sit in one and block its restore', async () => {
    const services = await unlockedServices();
    const { target } = await shopWithData(server, 'closed');
    const snapshot = await services.snapshots.create(scopeOf(target), 'closed', 'tester', { endSessions: false });
    await expect(openSession(server, snapshot.location)).rejects.toThrow(/not currently accepting connections/);
  });

  it('restores row for row over a session connected to the snapshot (one taken before snapshots refused connections)', async () => {
    const services = await unlockedServices();
    const { database, target } = await shopWithData(server, 'blocked');
    const snapshot = await services.snapshots.create(scopeOf(target), 'open one', 'tester', { endSessions: false });
    const atSnapshot = await everyRow(database);
    await adminQuery(server, `ALTER DATABASE ${quoteIdentifier(snapshot.location)} WITH ALLOW_CONNECTIONS true`);
    const sitter = await openSession(server, snapshot.location);
    await rows(server, database, "DELETE FROM orders; INSERT INTO customers VALUES (3, 'Linus')");

    await services.snapshots.restore(scopeOf(target), snapshot.id, 'tester', consent);

    expect(await everyRow(database)).toEqual(atSnapshot);
    await sitter.end().catch(() => undefined);
  });

  it('leaves the database as it was, and says so, when the copy cannot be made', async () => {
    const { services, database, target, snapshot, now } = await writtenSinceSnapshot('unchanged');
    // The snapshot's database is gone behind Switchyard's back: the clone must fail.
    await adminQuery(server, `DROP DATABASE ${quoteIdentifier(snapshot.location)}`);

    const failed = services.snapshots.restore(scopeOf(target), snapshot.id, 'tester', consent);

    await expect(failed).rejects.toMatchObject({ code: 'E_RESTORE_FAILED', message: expect.stringContaining(`${database} is unchanged`) });
    expect(await everyRow(database)).toEqual(now);
    const leftovers = await adminQuery(server, "SELECT datname FROM pg_database WHERE datname ~ '^switchyard_(restoring|replaced)_'");
    expect(leftovers.rows).toEqual([]);
  });

  it('brings back the recorded owner, encoding and collation, also when the database no longer exists', async () => {
    const services = await unlockedServices();
    const role = `snapshot_owner_${process.pid}`;
    await adminQuery(server, `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${role} NOLOGIN; END IF; END $$`);
    const database = await scratchDatabase(server, 'owned');
    await adminQuery(server, `DROP DATABASE ${quoteIdentifier(database)}`);
    await adminQuery(server, `CREATE DATABASE ${quoteIdentifier(database)} OWNER ${role} ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`);
    await rows(server, database, "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('kept')");
    const before = await shapeOf(database);
    const target = postgresTarget(server, database, '');
    const snapshot = await services.snapshots.create(scopeOf(target), 'shaped', 'tester', { endSessions: false });
    expect(snapshot.shape).toEqual({ owner: role, encoding: 'SQL_ASCII', collate: 'C', ctype: 'C' });
    await adminQuery(server, `DROP DATABASE ${quoteIdentifier(database)}`);

    await services.snapshots.restore(scopeOf(target), snapshot.id, 'tester', consent);

    expect(await shapeOf(database)).toEqual(before);
    expect(await rows(server, database, 'SELECT body FROM notes')).toEqual([{ body: 'kept' }]);
  });

  it('lists the sessions it would end and changes nothing until ending them is agreed', async () => {
    const { services, database, target, snapshot, now } = await writtenSinceSnapshot('asked');
    const colleague = await openSession(server, database);

    const refused = services.snapshots.restore(scopeOf(target), snapshot.id, 'tester', { endSessions: false });

    await expect(refused).rejects.toMatchObject({
      code: 'E_SESSIONS_CONNECTED',
      message: expect.stringContaining('colleague-psql'),
      detail: { sessions: [expect.objectContaining({ application: 'colleague-psql' })] },
    });
    expect(await everyRow(database)).toEqual(now);
    expect((await colleague.query('SELECT 1 AS alive')).rows).toEqual([{ alive: 1 }]);
    await colleague.end();
  });
});
