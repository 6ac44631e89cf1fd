// Scratch databases: beside the target when its role may create one, on Switchyard's embedded
// PostgreSQL when it may not, a file for SQLite; gone once dropped, and the embedded server's data
// gone once the services close.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { engineFor } from '../../../src-main/engines/engineFor';
import { scratchPrefix } from '../../../src-main/engines/postgres/postgresScratch';
import { ScratchPlaces } from '../../../src-main/scratch/scratchPlaces';
import type { ConnectionTarget } from '../../../src-main/drivers/driver';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { postgresTarget } from '../../support/migrationTargets';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');

async function scratchDatabasesOn(address: { host: string; port: number; user: string; password: string }): Promise<string[]> {
  const found = await adminQuery(address, `SELECT datname FROM pg_database WHERE datname LIKE '${scratchPrefix}%'`);
  return found.rows.map((row: { datname: string }) => row.datname).sort();
}

async function tableIn(connection: ConnectionTarget): Promise<string[]> {
  const driver = await engineFor(connection.engine).connect(connection, { create: true });
  try {
    await driver.query('CREATE TABLE replayed (id integer)');
    return (await engineFor(connection.engine).catalog.existingTableNames(driver)).has('replayed') ? ['replayed'] : [];
  } finally {
    await driver.close();
  }
}

function places(): ScratchPlaces {
  const scratch = new ScratchPlaces(tempDir());
  onTestFinished(() => scratch.close());
  return scratch;
}

describe('scratch databases', () => {
  it('makes a scratch database on the target server when the role may create one, and drops it', async () => {
    const database = await scratchDatabase(server, 'scratchnear');
    const { connection } = postgresTarget(server, database, '');
    const before = await scratchDatabasesOn(server);

    const scratch = await engineFor('postgres').openScratch(connection, places());
    expect(scratch.where).toBe(`a temporary database on ${server.host}:${server.port}`);
    expect(scratch.connection).toMatchObject({ host: server.host, port: server.port, user: server.user });
    expect(await scratchDatabasesOn(server)).toEqual([...before, scratch.connection.database].sort());
    expect(await tableIn(scratch.connection)).toEqual(['replayed']);

    await scratch.drop();
    expect(await scratchDatabasesOn(server)).toEqual(before);
  });

  it("falls back to Switchyard's embedded PostgreSQL for a role without CREATEDB, under the data folder, removed on close", async () => {
    const role = `nocreatedb_${process.pid}_${Date.now()}`;
    await adminQuery(server, `CREATE ROLE ${role} LOGIN NOCREATEDB PASSWORD 'scratch-pw'`);
    const database = await scratchDatabase(server, 'scratchfar');
    onTestFinished(async () => {
      await adminQuery(server, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await adminQuery(server, `DROP ROLE IF EXISTS ${role}`);
    });
    const { connection } = postgresTarget({ ...server, user: role, password: 'scratch-pw' }, database, '');
    const dataDir = tempDir();
    const scratchPlaces = new ScratchPlaces(dataDir);
    const before = await scratchDatabasesOn(server);

    const scratch = await engineFor('postgres').openScratch(connection, scratchPlaces);
    expect(scratch.where).toMatch(new RegExp(`^Switchyard's embedded PostgreSQL 18 on 127\\.0\\.0\\.1:\\d+, because ${role} may not create databases`));
    expect(scratch.connection.port).not.toBe(server.port);
    expect(await scratchDatabasesOn(server)).toEqual(before);
    expect(await tableIn(scratch.connection)).toEqual(['replayed']);
    const serverFolder = join(dataDir, 'scratch', `postgres-${process.pid}`);
    expect(existsSync(join(serverFolder, 'data', 'PG_VERSION'))).toBe(true);

    // A second scratch database in the same process reuses the running server.
    const second = await engineFor('postgres').openScratch(connection, scratchPlaces);
    expect(second.connection.port).toBe(scratch.connection.port);
    const embedded = { ...scratch.connection, password: scratch.connection.password ?? '' };
    expect(await scratchDatabasesOn(embedded)).toEqual([scratch.connection.database, second.connection.database].sort());
    await second.drop();
    await scratch.drop();
    expect(await scratchDatabasesOn(embedded)).toEqual([]);

    await scratchPlaces.close();
    expect(existsSync(serverFolder)).toBe(false);
  });

  it('removes the embedded server folder a process that is gone left behind', async () => {
    const dataDir = tempDir();
    // Process ids are below 2^22 on Linux: this one cannot be running.
    const left = join(dataDir, 'scratch', 'postgres-4999999', 'data');
    mkdirSync(left, { recursive: true });
    const scratchPlaces = new ScratchPlaces(dataDir);
    onTestFinished(() => scratchPlaces.close());

    await scratchPlaces.embeddedServer();
    expect(readdirSync(join(dataDir, 'scratch'))).toEqual([`postgres-${process.pid}`]);
  });

  it('makes a SQLite scratch database as a file in the data folder and removes it', async () => {
    const dataDir = tempDir();
    const scratch = await engineFor('sqlite').openScratch(undefined, new ScratchPlaces(dataDir));
    expect(scratch.connection.sqlitePath.startsWith(join(dataDir, 'scratch', `files-${process.pid}`))).toBe(true);
    expect(await tableIn(scratch.connection)).toEqual(['replayed']);
    expect(existsSync(scratch.connection.sqlitePath)).toBe(true);

    await scratch.drop();
    expect(existsSync(scratch.connection.sqlitePath)).toBe(false);
    expect(readdirSync(join(dataDir, 'scratch', `files-${process.pid}`))).toEqual([]);
  });
});
