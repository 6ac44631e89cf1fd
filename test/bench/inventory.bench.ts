// The inventory on 10,000 tables in one PostgreSQL database: the first screen (estimated rows and
// sizes from the catalog) beside the same catalog query sent raw through pg, then the exact sizes
// and exact counts that fill in afterwards.
import pg from 'pg';
import type { ConnectionTarget } from '../../src-main/drivers/driver';
import { connect } from '../../src-main/drivers/connect';
import { quoteIdentifier } from '../../src-main/drivers/identifier';
import { loadInventory } from '../../src-main/inventory/loadInventory';
import { postgresCatalogSql, postgresSizesSql, readPostgresSizes } from '../../src-main/engines/postgres/postgresCatalog';
import { countRowsExactly } from '../../src-main/inventory/rowCounts';
import type { OperationContext } from '../../src-main/operations/operations';
import { clientConfig } from '../../src-main/engines/postgres/postgresDriver';
import { startPostgres } from '../support/embeddedPostgres';
import { medianMs, withBaseline, type BenchmarkSuite, type Measure } from './harness';

const tableCount = 10_000;
const countedTables = 1_000;
const database = 'bench inventory';

/** Batches of 500 per statement: one transaction creating 10,000 tables runs out of lock slots. */
async function createTables(target: ConnectionTarget): Promise<void> {
  const driver = await connect(target);
  try {
    for (let start = 1; start <= tableCount; start += 500) {
      await driver.query(`DO $$ BEGIN
        FOR i IN ${start}..${start + 499} LOOP
          EXECUTE format('CREATE TABLE %I (id int PRIMARY KEY, body text)', 'table_' || lpad(i::text, 5, '0'));
        END LOOP;
      END $$`);
    }
    // A few hundred rows in some tables so estimates and sizes are not all zero.
    await driver.query(`DO $$ BEGIN
      FOR i IN 1..${tableCount} BY 100 LOOP
        EXECUTE format('INSERT INTO %I SELECT g, repeat(''x'', 200) FROM generate_series(1, 300) g', 'table_' || lpad(i::text, 5, '0'));
      END LOOP;
    END $$`);
    await driver.query('ANALYZE');
  } finally {
    await driver.close();
  }
}

async function rawQuery(target: ConnectionTarget, sql: string): Promise<void> {
  const client = new pg.Client(clientConfig(target));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const silent: OperationContext = {
  opId: 'bench',
  signal: new AbortController().signal,
  progress: () => undefined,
  log: () => undefined,
  checkpoint: () => undefined,
};

export const inventorySuite: BenchmarkSuite = {
  name: 'table inventory',
  async run() {
    const server = await startPostgres();
    try {
      const admin: ConnectionTarget = {
        engine: 'postgres',
        host: server.host,
        port: server.port,
        database: 'postgres',
        user: server.user,
        password: server.password,
        sslMode: 'disable',
        sslCaFile: '',
        sqlitePath: '',
        readOnly: false,
      };
      const setup = await connect(admin);
      await setup.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
      await setup.close();
      const target: ConnectionTarget = { ...admin, database };
      await createTables(target);
      const migrationTarget = {
        name: 'bench',
        environment: 'dev' as const,
        connection: target,
        projectDir: '',
        projectFormat: 'auto' as const,
        alembicCommand: '',
      };

      // Both sides connect, read, and disconnect: what opening the screen costs.
      const firstScreen = await medianMs(() => loadInventory(migrationTarget));
      const rawCatalog = await medianMs(() => rawQuery(target, postgresCatalogSql));
      const exactSizes = await medianMs(async () => {
        const driver = await connect(target);
        await readPostgresSizes(driver);
        await driver.close();
      }, 3);
      const rawSizes = await medianMs(() => rawQuery(target, postgresSizesSql), 3);

      const tables = Array.from({ length: countedTables }, (_, i) => ({ schema: 'public', name: `table_${String(i + 1).padStart(5, '0')}` }));
      const driver = await connect(target);
      const counts = await medianMs(() => countRowsExactly(driver, tables, silent), 3);
      await driver.close();
      const client = new pg.Client(clientConfig(target));
      await client.connect();
      const rawCounts = await medianMs(async () => {
        for (const t of tables) await client.query(`SELECT count(*) FROM ${quoteIdentifier(t.schema)}.${quoteIdentifier(t.name)}`);
      }, 3);
      await client.end();

      const measures: Measure[] = [
        withBaseline({
          name: `inventory: first screen, ${tableCount.toLocaleString('en-US')} tables (estimated rows + sizes) vs raw catalog query through pg`,
          value: firstScreen,
          baseline: rawCatalog,
          unit: 'ms',
          goal: 'ratio < 1.5 and < 300 ms',
        }),
        withBaseline({
          name: `inventory: exact sizes (pg_total_relation_size), ${tableCount.toLocaleString('en-US')} tables, after the first screen`,
          value: exactSizes,
          baseline: rawSizes,
          unit: 'ms',
          goal: 'ratio < 1.5; never blocks the first screen',
        }),
        withBaseline({
          name: `inventory: exact counts of ${countedTables.toLocaleString('en-US')} tables, each in its own transaction with a statement timeout, vs bare count(*)`,
          value: counts,
          baseline: rawCounts,
          unit: 'ms',
          goal: 'ratio < 4: the timeout guard costs three short round trips per table',
        }),
      ];
      return measures;
    } finally {
      await server.stop();
    }
  },
};
