// The expected schema of a database at the head of 200 native migrations: replayed cold (a scratch
// database on the same server, the 200 revisions run, the schema read, the scratch dropped) beside the
// same 200 revisions run on an empty database alone; and answered from the cache beside reading the
// database's status (both load the project and read what the database has applied).
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { runTarget } from '../../src-main/runner/runnerService';
import { targetStatus } from '../../src-main/runner/targetStatus';
import { createServices, type Services } from '../../src-main/services';
import { startPostgres, type PostgresServer } from '../support/embeddedPostgres';
import { postgresTarget } from '../support/migrationTargets';
import { writeNativeProject, type RevisionSpec } from '../support/nativeProject';
import { medianMs, round, withBaseline, type BenchmarkSuite } from './harness';

const migrations = 200;

/** `count` native migrations: a table with an index, then a column and a check on it, in turns. */
export function tableMigrations(count: number): RevisionSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `m${String(i).padStart(3, '0')}`,
    parents: i === 0 ? [] : [`m${String(i - 1).padStart(3, '0')}`],
    message: `table ${i}`,
    up:
      i % 2 === 0
        ? `CREATE TABLE t_${i} (id bigint PRIMARY KEY, payload text, created_at timestamptz DEFAULT now());\nCREATE INDEX t_${i}_created ON t_${i} (created_at);`
        : `ALTER TABLE t_${i - 1} ADD COLUMN note_${i} text;\nALTER TABLE t_${i - 1} ADD CONSTRAINT t_${i - 1}_payload CHECK (payload <> '');`,
  }));
}

const specs = tableMigrations(migrations);

export async function admin(server: PostgresServer, sql: string): Promise<void> {
  const client = new pg.Client({ host: server.host, port: server.port, user: server.user, password: server.password, database: 'postgres' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export const expectedSchemaSuite: BenchmarkSuite = {
  name: 'expected schema: 200 migrations replayed into a scratch database',
  async run() {
    const server = await startPostgres();
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-bench-expected-'));
    const opened: Services[] = [];
    const fresh = () => {
      const services = createServices({ dataDir: mkdtempSync(join(dir, 'home-')) });
      opened.push(services);
      return services;
    };
    try {
      const project = join(dir, 'migrations');
      writeNativeProject(project, specs);
      await admin(server, 'CREATE DATABASE shop');
      const target = postgresTarget(server, 'shop', project);
      await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'bench' });
      const ref = { url: `postgres://${server.user}:${server.password}@${server.host}:${server.port}/shop`, project };

      let run = 0;
      const runAlone = async () => {
        run += 1;
        await admin(server, `CREATE DATABASE alone_${run}`);
        await runTarget(postgresTarget(server, `alone_${run}`, project), { action: 'upgrade', to: 'heads' }, { actor: 'bench' });
      };
      // A new data folder each time: nothing cached, in memory or on disk.
      const cold = await medianMs(() => fresh().expectedSchema.ofTarget(ref), 3);
      const alone = await medianMs(runAlone, 3);
      const warm = fresh();
      const first = await warm.expectedSchema.ofTarget(ref);
      const cached = await medianMs(() => warm.expectedSchema.ofTarget(ref), 15);
      const status = await medianMs(() => targetStatus(target), 15);
      const tables = first.schema.objects.filter((o) => o.kind === 'table').length;
      return [
        withBaseline({
          name: `expected schema, cold (${migrations} migrations, ${tables} tables)`,
          value: round(cold),
          baseline: round(alone),
          unit: 'ms',
          goal: '< 2000 ms; baseline: the same migrations run on an empty database',
        }),
        withBaseline({
          name: 'expected schema, cached',
          value: round(cached),
          baseline: round(status),
          unit: 'ms',
          goal: '< 50 ms; baseline: the status of the same database',
        }),
      ];
    } finally {
      for (const services of opened) services.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
