// A fleet rollout of 40 PostgreSQL databases × 25 migrations through the RolloutService, 4 at a
// time, beside the same rollout one database after another (concurrency 1, the same code), in turns
// on fresh databases of the same server; every database checked to be migrated exactly once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { ApiEventMessage } from '../../src-shared/api';
import type { OperationDone } from '../../src-shared/model/operation';
import type { Rollout } from '../../src-shared/model/rollout';
import { createServices, type Services } from '../../src-main/services';
import { passphraseKeyProvider } from '../../src-main/store/keyProvider';
import { startPostgres, type PostgresServer } from '../support/embeddedPostgres';
import { writeNativeProject, type RevisionSpec } from '../support/nativeProject';
import { round, withBaseline, type BenchmarkSuite } from './harness';

const fleetSize = 40;
const migrations = 25;
const iterations = 3;
const context = { actor: 'bench via bench' };

const specs: RevisionSpec[] = Array.from({ length: migrations }, (_, i) => ({
  id: `m${String(i + 1).padStart(2, '0')}`,
  parents: i === 0 ? [] : [`m${String(i).padStart(2, '0')}`],
  message: `step ${i + 1}`,
  up: `${i === 0 ? 'CREATE TABLE side_effects (revision text NOT NULL);\n' : ''}CREATE TABLE t_${i} (id int PRIMARY KEY, name text);
INSERT INTO t_${i} SELECT g, 'row ' || g FROM generate_series(1, 200) g;
CREATE INDEX t_${i}_name ON t_${i} (name);
INSERT INTO side_effects VALUES ('m${String(i + 1).padStart(2, '0')}');`,
}));

async function dispatch(services: Services, method: Parameters<Services['dispatch']>[0], input: unknown): Promise<unknown> {
  const result = await services.dispatch(method, input, context);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function rollout(services: Services, env: string, concurrency: number): Promise<{ ms: number; cpuMs: number; rollout: Rollout }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  // Subscribed before the start: op.done may arrive before the call's answer.
  const ended: OperationDone[] = [];
  let wake: () => void = () => undefined;
  services.events.onEvent(({ event, payload }: ApiEventMessage) => {
    if (event !== 'op.done') return;
    ended.push(payload);
    wake();
  });
  const { opId } = (await dispatch(services, 'rollouts.start', { request: { project: 'bench', env, to: 'heads', concurrency } })) as { opId: string };
  let finished = ended.find((d) => d.opId === opId);
  while (!finished) {
    await new Promise<void>((resolve) => (wake = resolve));
    finished = ended.find((d) => d.opId === opId);
  }
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  if (!finished.ok) throw new Error(`${finished.error.code}: ${finished.error.message}`);
  return { ms, cpuMs, rollout: finished.result as Rollout };
}

/** Every database done once, with each migration recorded once and its side effect left once. */
async function checkOnce(server: PostgresServer, result: Rollout): Promise<void> {
  if (result.state !== 'done' || result.items.some((i) => i.passes !== 1 || i.applied.length !== migrations)) {
    throw new Error(`The rollout did not migrate every database exactly once: ${JSON.stringify(result.counts)}`);
  }
  for (const item of result.items) {
    const client = new pg.Client({ host: server.host, port: server.port, user: server.user, password: server.password, database: item.name });
    await client.connect();
    const { rows } = await client.query<{ versions: number; effects: number; distinct: number }>(
      `SELECT (SELECT count(*)::int FROM switchyard_migrations) AS versions, (SELECT count(*)::int FROM side_effects) AS effects,
              (SELECT count(DISTINCT revision)::int FROM side_effects) AS distinct`,
    );
    await client.end();
    const row = rows[0];
    if (row?.versions !== migrations || row.effects !== migrations || row.distinct !== migrations) {
      throw new Error(`${item.name} was touched more or less than once: ${JSON.stringify(row)}`);
    }
  }
}

async function recreate(admin: pg.Client, names: readonly string[]): Promise<void> {
  for (const name of names) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  }
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
}

export const rolloutSuite: BenchmarkSuite = {
  name: 'rollout: 40 databases × 25 migrations',
  async run() {
    const server = await startPostgres();
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-bench-rollout-'));
    const services = createServices({ dataDir: join(dir, 'data'), onUnexpectedError: () => undefined });
    try {
      await services.session.unlock(passphraseKeyProvider('rollout bench passphrase', { N: 1024, r: 8, p: 1 }));
      writeNativeProject(join(dir, 'migrations'), specs);
      const admin = new pg.Client({ host: server.host, port: server.port, user: server.user, password: server.password, database: 'postgres' });
      await admin.connect();
      const names = { fleet: [] as string[], oneByOne: [] as string[] };
      const environments = [];
      for (const [env, list] of Object.entries(names)) {
        const members = [];
        for (let i = 1; i <= fleetSize; i += 1) {
          const database = `${env.toLowerCase()}_${String(i).padStart(2, '0')}`;
          list.push(database);
          const profile = {
            name: database,
            environment: 'staging',
            engine: 'postgres',
            host: server.host,
            port: server.port,
            database,
            user: server.user,
            password: server.password,
            sslMode: 'disable',
          };
          members.push({ profileId: ((await dispatch(services, 'profiles.create', { profile })) as { id: string }).id });
        }
        environments.push({ name: env, members });
      }
      await dispatch(services, 'projects.create', { project: { name: 'bench', dir: join(dir, 'migrations'), format: 'native', environments } });

      const fleetMs: number[] = [];
      const fleetCpuMs: number[] = [];
      const oneByOneMs: number[] = [];
      for (let i = 0; i < iterations; i += 1) {
        await recreate(admin, [...names.fleet, ...names.oneByOne]);
        // Turns alternate which goes first, so a burst of load on the shared machine slows both alike.
        const order = i % 2 === 0 ? (['fleet', 'oneByOne'] as const) : (['oneByOne', 'fleet'] as const);
        for (const env of order) {
          const { ms, cpuMs, rollout: result } = await rollout(services, env, env === 'fleet' ? 4 : 1);
          await checkOnce(server, result);
          (env === 'fleet' ? fleetMs : oneByOneMs).push(ms);
          if (env === 'fleet') fleetCpuMs.push(cpuMs);
          process.stderr.write(
            `  turn ${i + 1}, ${env === 'fleet' ? '4 at a time' : 'one after another'}: ${round(ms)} ms, Switchyard's CPU ${round(cpuMs)} ms\n`,
          );
        }
      }
      await admin.end();
      return [
        withBaseline({
          name: `rollout: ${fleetSize} databases × ${migrations} migrations, 4 at a time vs one after another`,
          value: round(median(fleetMs)),
          baseline: round(median(oneByOneMs)),
          unit: 'ms',
          goal: 'ratio ≤ 0.4 (≥ 2.5× faster); every database migrated exactly once',
        }),
        // What Switchyard's own process spends of that: the rest is PostgreSQL's work on the machine's cores.
        { name: 'rollout: Switchyard process CPU during the 4-at-a-time rollout', value: round(median(fleetCpuMs)), unit: 'ms' },
      ];
    } finally {
      services.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
