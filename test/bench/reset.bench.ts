// A ~100 MB PostgreSQL database with the schema of 200 migrations: a snapshot restored through
// Switchyard beside the raw DROP + CREATE DATABASE … TEMPLATE … STRATEGY FILE_COPY, and a full reset
// (recreate + 200 migrations) beside the same steps done with plain pg, in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { quoteIdentifier } from '../../src-main/drivers/identifier';
import { runReset } from '../../src-main/reset/resetRun';
import { runTarget } from '../../src-main/runner/runnerService';
import { postgresVersionTable } from '../../src-main/engines/postgres/postgresVersionTable';
import { createNativeTableSql } from '../../src-main/formats/native/nativeTableSql';
import { createServices } from '../../src-main/services';
import { passphraseKeyProvider } from '../../src-main/store/keyProvider';
import { startPostgres, type PostgresServer } from '../support/embeddedPostgres';
import { postgresTarget } from '../support/migrationTargets';
import { writeNativeProject, type RevisionSpec } from '../support/nativeProject';
import { medianMs, round, withBaseline, type BenchmarkSuite } from './harness';

const migrations = 200;
const database = 'shop';
const specs: RevisionSpec[] = Array.from({ length: migrations }, (_, i) => ({
  id: `m${String(i).padStart(3, '0')}`,
  parents: i === 0 ? [] : [`m${String(i - 1).padStart(3, '0')}`],
  message: `table ${i}`,
  up: `CREATE TABLE t_${i} (id bigint PRIMARY KEY, payload text, created_at timestamptz DEFAULT now());\nCREATE INDEX t_${i}_created ON t_${i} (created_at);`,
}));

async function admin(server: PostgresServer, work: (client: pg.Client) => Promise<void>, db = 'postgres'): Promise<void> {
  const client = new pg.Client({ host: server.host, port: server.port, user: server.user, password: server.password, database: db });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** The reference: what a support engineer pastes, through one pg client, nothing else. */
async function plainReset(server: PostgresServer): Promise<void> {
  await admin(server, async (client) => {
    await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdentifier(database)} OWNER ${quoteIdentifier(server.user)} ENCODING 'UTF8' TEMPLATE template0`);
  });
  await admin(
    server,
    async (client) => {
      await client.query(createNativeTableSql(postgresVersionTable));
      for (const spec of specs) {
        await client.query(
          `BEGIN;\n${spec.up}\nINSERT INTO switchyard_migrations (revision, checksum, applied_by, duration_ms) VALUES ('${spec.id}', 'x', 'plain', 0);\nCOMMIT;`,
        );
      }
    },
    database,
  );
}

export const resetSuite: BenchmarkSuite = {
  name: 'reset: ~100 MB PostgreSQL database, 200 migrations',
  async run() {
    const server = await startPostgres();
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-bench-reset-'));
    const services = createServices({ dataDir: join(dir, 'home') });
    try {
      await services.session.unlock(passphraseKeyProvider('bench passphrase', { N: 1024, r: 8, p: 1 }));
      writeNativeProject(join(dir, 'migrations'), specs);
      await admin(server, (client) => client.query(`CREATE DATABASE ${database}`).then(() => undefined));
      const target = postgresTarget(server, database, join(dir, 'migrations'));
      const scope = { key: 'bench', target };
      await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'bench' });
      await admin(
        server,
        (client) => client.query('INSERT INTO t_0 (id, payload) SELECT g, repeat(md5(g::text), 6) FROM generate_series(1, 400000) g').then(() => undefined),
        database,
      );
      let bytes = 0;
      await admin(server, async (client) => {
        bytes = Number((await client.query<{ size: string }>('SELECT pg_database_size($1::text) AS size', [database])).rows[0]?.size ?? 0);
      });

      const snapshot = await services.snapshots.create(scope, 'bench', 'bench');
      const restoreSwitchyard = () => services.snapshots.restore(scope, snapshot.id, 'bench', { endSessions: true });
      const restoreRaw = () =>
        admin(server, async (client) => {
          await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
          await client.query(`CREATE DATABASE ${quoteIdentifier(database)} TEMPLATE ${quoteIdentifier(snapshot.location)} STRATEGY FILE_COPY`);
        });
      const restoreRawMs = await medianMs(restoreRaw, 5);
      const restoreMs = await medianMs(restoreSwitchyard, 5);

      // Each full reset starts from the 100 MB database (restored untimed), so both drop the same files.
      const timed = async (work: () => Promise<unknown>) => {
        await restoreRaw();
        const started = performance.now();
        await work();
        return performance.now() - started;
      };
      const switchyardReset = () =>
        runReset(
          services.snapshots,
          scope,
          { mode: 'recreate', to: 'heads', takeSnapshot: false, skipSnapshotAcknowledged: true },
          { actor: 'bench', confirmation: { typedName: database } },
        ).then((result) => {
          if (!result.ok) throw new Error(`bench reset failed at ${result.stoppedAt}`);
        });
      const resets: number[] = [];
      const plains: number[] = [];
      await timed(switchyardReset);
      await timed(() => plainReset(server));
      for (let i = 0; i < 5; i += 1) {
        plains.push(await timed(() => plainReset(server)));
        resets.push(await timed(switchyardReset));
      }
      const median = (values: number[]) => round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN);
      return [
        { name: 'reset: database size', value: round(bytes / 1024 / 1024, 1), unit: 'MB' },
        withBaseline({
          name: 'reset: snapshot restore (template clone) vs raw DROP + CREATE … TEMPLATE … FILE_COPY',
          value: restoreMs,
          baseline: restoreRawMs,
          unit: 'ms',
          goal: '≤ 1.2× the raw clone',
        }),
        withBaseline({
          name: 'reset: full reset (recreate + 200 migrations + verify) vs the same steps with plain pg',
          value: median(resets),
          baseline: median(plains),
          unit: 'ms',
          goal: '≤ 1.25× plain pg',
        }),
      ];
    } finally {
      services.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
