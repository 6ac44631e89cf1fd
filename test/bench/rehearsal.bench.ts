// Rehearsal overhead on the ~100 MB benchmark database (reset.bench's: 200 tables, 400,000 rows in
// one): a rehearsal through the service (fingerprints, template clone, the plan through the runner
// with its locks watched, the schema read before and after, the drop) beside the raw work it cannot
// avoid — CREATE DATABASE … TEMPLATE, the same plan run on that copy, DROP DATABASE — in turns.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import pg from 'pg';
import type { Rehearsal } from '../../src-shared/model/rehearsal';
import { quoteIdentifier } from '../../src-main/drivers/identifier';
import { runTarget } from '../../src-main/runner/runnerService';
import { createServices, type Services } from '../../src-main/services';
import { startPostgres, type PostgresServer } from '../support/embeddedPostgres';
import { postgresTarget } from '../support/migrationTargets';
import { writeNativeProject, type RevisionSpec } from '../support/nativeProject';
import { round, withBaseline, type BenchmarkSuite } from './harness';

const applied = 190;
const database = 'shop';
const specs: RevisionSpec[] = [
  ...Array.from({ length: 200 }, (_, i) => ({
    id: `m${String(i).padStart(3, '0')}`,
    parents: i === 0 ? [] : [`m${String(i - 1).padStart(3, '0')}`],
    message: `table ${i}`,
    up: `CREATE TABLE t_${i} (id bigint PRIMARY KEY, payload text, created_at timestamptz DEFAULT now());\nCREATE INDEX t_${i}_created ON t_${i} (created_at);`,
  })),
  // The plan also changes the big table: a lock on an existing table for the rehearsal to report.
  { id: 'm200', parents: ['m199'], message: 'note on t_0', up: 'ALTER TABLE t_0 ADD COLUMN note text;' },
];

async function admin(server: PostgresServer, sql: string, db = 'postgres'): Promise<pg.QueryResult> {
  const client = new pg.Client({ host: server.host, port: server.port, user: server.user, password: server.password, database: db });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function rehearsal(services: Services, ref: { url: string; project: string }): Promise<Rehearsal> {
  const started = services.rehearsals.rehearse(ref, { action: 'upgrade', to: 'heads' }, 'bench');
  return new Promise((resolve, reject) => {
    const stop = services.events.onEvent((message) => {
      if (message.event !== 'op.done' || message.payload.opId !== started.opId) return;
      stop();
      if (message.payload.ok) resolve(message.payload.result as Rehearsal);
      else reject(new Error(message.payload.error.message));
    });
  });
}

const median = (values: number[]) => round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN);

export const rehearsalSuite: BenchmarkSuite = {
  name: 'rehearsal: ~100 MB PostgreSQL database, 11 pending migrations',
  async run() {
    const server = await startPostgres();
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-bench-rehearsal-'));
    const services = createServices({ dataDir: join(dir, 'home') });
    try {
      const project = join(dir, 'migrations');
      writeNativeProject(project, specs);
      await admin(server, `CREATE DATABASE ${database}`);
      await runTarget(postgresTarget(server, database, project), { action: 'upgrade', to: `m${applied - 1}` }, { actor: 'bench' });
      await admin(server, 'INSERT INTO t_0 (id, payload) SELECT g, repeat(md5(g::text), 6) FROM generate_series(1, 400000) g', database);
      const bytes = Number((await admin(server, `SELECT pg_database_size('${database}') AS size`)).rows[0]?.size ?? 0);
      const ref = { url: `postgres://${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}/${database}`, project };

      // The raw way: copy, run the same plan through the runner, drop. The clone's name is never reused, so no drop is waited for.
      let copies = 0;
      const raw = async () => {
        copies += 1;
        const copy = `bench_copy_${copies}`;
        const started = performance.now();
        await admin(server, `CREATE DATABASE ${quoteIdentifier(copy)} TEMPLATE ${quoteIdentifier(database)} STRATEGY FILE_COPY`);
        await runTarget(postgresTarget(server, copy, project), { action: 'upgrade', to: 'heads' }, { actor: 'bench' });
        await admin(server, `DROP DATABASE ${quoteIdentifier(copy)}`);
        return performance.now() - started;
      };
      const rehearsed = async () => {
        const started = performance.now();
        const result = await rehearsal(services, ref);
        const ms = performance.now() - started;
        if (!result.ok || result.clone.how !== 'template' || result.steps.length !== specs.length - applied)
          throw new Error(`the bench's rehearsal was not the template clone of the whole plan: ${JSON.stringify({ ok: result.ok, clone: result.clone })}`);
        return ms;
      };
      await raw();
      await rehearsed();
      const raws: number[] = [];
      const rehearsals: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        raws.push(await raw());
        rehearsals.push(await rehearsed());
      }
      return [
        { name: 'rehearsal: database size', value: round(bytes / 1024 / 1024, 1), unit: 'MB' },
        withBaseline({
          name: 'rehearsal: clone + plan + report vs raw CREATE … TEMPLATE + the plan + DROP',
          value: median(rehearsals),
          baseline: median(raws),
          unit: 'ms',
          goal: '≤ 1.5× the plan alone + the raw clone',
        }),
      ];
    } finally {
      services.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
