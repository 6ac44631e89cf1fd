// The databases a persona test works in beside the app: a PostgreSQL database of its own on the e2e
// run's server (created empty, dropped afterwards with the snapshots the app took of it), and any
// database reached as the test, on a connection of its own.
import { connect } from '../../src-main/drivers/connect';
import type { ConnectionTarget, Driver } from '../../src-main/drivers/driver';
import { quoteIdentifier } from '../../src-main/drivers/identifier';
import { postgresUnderTest } from './browserHost';

export interface PersonaDatabase {
  /** The database as the test reaches it; the app is given the same server and name by a URI. */
  target: ConnectionTarget;
  /** postgres://user@host:port/database, without the password, as a user types it. */
  uri: string;
  drop(): Promise<void>;
}

export async function emptyDatabase(database: string): Promise<PersonaDatabase> {
  const server = postgresUnderTest();
  const target: ConnectionTarget = { engine: 'postgres', ...server, database, sslMode: 'disable', sslCaFile: '', sqlitePath: '', readOnly: false };
  const admin = await connect({ ...target, database: 'postgres' });
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
  return {
    target,
    uri: `postgres://${server.user}@${server.host}:${server.port}/${encodeURIComponent(database)}`,
    async drop() {
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
        const left = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'switchyard\\_snapshot\\_%'");
        for (const { datname } of left) await admin.query(`DROP DATABASE ${quoteIdentifier(datname)} WITH (FORCE)`);
      } finally {
        await admin.close();
      }
    },
  };
}

/** Work done on a database as the test (a client's session, a check), on a connection of its own. */
export async function inDatabase<T>(target: ConnectionTarget, work: (driver: Driver) => Promise<T>): Promise<T> {
  const driver = await connect(target);
  try {
    return await work(driver);
  } finally {
    await driver.close();
  }
}
