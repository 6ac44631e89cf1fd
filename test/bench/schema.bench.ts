// The schema model of a 2,000-table PostgreSQL database (10 columns, 2 indexes and a foreign key
// each): Switchyard's read beside @pgkit/schemainspect, the inspection @pgkit/migra diffs with,
// reading the same database in the same run, in turns.
import { createClient } from '@pgkit/client';
import { PostgreSQL } from '@pgkit/schemainspect';
import type { SchemaModel } from '../../src-shared/model/schema';
import { connect } from '../../src-main/drivers/connect';
import type { ConnectionTarget } from '../../src-main/drivers/driver';
import { quoteIdentifier } from '../../src-main/drivers/identifier';
import { engineFor } from '../../src-main/engines/engineFor';
import { startPostgres } from '../support/embeddedPostgres';
import { round, withBaseline, type BenchmarkSuite, type Measure } from './harness';

const tableCount = 2_000;
const database = 'bench schema';
const iterations = 5;

/** Batches of 250 tables per statement: one transaction creating them all runs out of lock slots. */
export async function createTables(target: ConnectionTarget): Promise<void> {
  const driver = await connect(target);
  try {
    for (let start = 1; start <= tableCount; start += 250) {
      await driver.query(`DO $$ BEGIN
        FOR i IN ${start}..${start + 249} LOOP
          EXECUTE format('CREATE TABLE %I (id int PRIMARY KEY, parent_id int REFERENCES %I (id), name text NOT NULL,
                            code varchar(20), amount numeric(12,2) DEFAULT 0, created_at timestamptz NOT NULL DEFAULT now(),
                            active boolean DEFAULT true, payload jsonb, ratio double precision, note text)',
                         'table_' || lpad(i::text, 4, '0'), 'table_' || lpad(greatest(i - 1, 1)::text, 4, '0'));
          EXECUTE format('CREATE INDEX ON %I (name)', 'table_' || lpad(i::text, 4, '0'));
          EXECUTE format('CREATE INDEX ON %I (code, created_at)', 'table_' || lpad(i::text, 4, '0'));
        END LOOP;
      END $$`);
    }
  } finally {
    await driver.close();
  }
}

/** A bench that times a read gone wrong measures nothing: the model must hold what was made. */
function checkModel(model: SchemaModel): void {
  const count = (kind: string) => model.objects.filter((object) => object.kind === kind).length;
  const expected = { table: tableCount, column: tableCount * 10, index: tableCount * 2, 'foreign key': tableCount, 'primary key': tableCount };
  for (const [kind, wanted] of Object.entries(expected)) {
    if (count(kind) !== wanted) throw new Error(`The schema model holds ${count(kind)} ${kind} objects, not ${wanted}.`);
  }
}

function median(times: number[]): number {
  return round([...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN);
}

/** Each read once unmeasured, then both in turns, so a burst of load on a shared machine slows them alike. */
async function inTurns(reads: Array<() => Promise<unknown>>): Promise<number[]> {
  for (const read of reads) await read();
  const times = reads.map((): number[] => []);
  for (let i = 0; i < iterations; i += 1) {
    for (const [index, read] of reads.entries()) {
      const started = performance.now();
      await read();
      times[index]?.push(performance.now() - started);
    }
  }
  return times.map(median);
}

export const schemaSuite: BenchmarkSuite = {
  name: 'schema model',
  async run(): Promise<Measure[]> {
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
      const target = { ...admin, database };
      await createTables(target);

      const driver = await connect(target);
      const peer = createClient(`postgres://${server.user}:${server.password}@${server.host}:${server.port}/${encodeURIComponent(database)}`);
      // schemainspect leaves a connection of the peer's pool checked out, which the server's stop ends: not a failure of the run.
      peer.pgp.$pool.on('error', () => undefined);
      try {
        checkModel(await engineFor('postgres').schema.read(driver));
        const [ours = Number.NaN, theirs = Number.NaN] = await inTurns([() => engineFor('postgres').schema.read(driver), () => PostgreSQL.create(peer)]);
        return [
          withBaseline({
            name: `schema model of ${tableCount.toLocaleString('en')} tables vs @pgkit/schemainspect`,
            value: ours,
            baseline: theirs,
            unit: 'ms',
            goal: '< 1000 ms and ratio ≤ 0.333 (3× faster)',
          }),
        ];
      } finally {
        await driver.close();
        await peer.end();
      }
    } finally {
      await server.stop();
    }
  },
};
