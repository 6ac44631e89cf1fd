// The expected schema of a database at the head of 200 native migrations: replayed cold (a scratch
// database on the same server, the 200 revisions run, the schema read, the scratch dropped) beside the
// same 200 revisions run on an empty database alone; and answered from the cache beside reading the
// database's status (both load the project and read what the database has applied).
import { runTarget } from '../../src-main/runner/runnerService';
import { targetStatus } from '../../src-main/runner/targetStatus';
import { postgresTarget } from '../support/migrationTargets';
import { medianMs, round, withBaseline, type BenchmarkSuite } from './harness';
import { tableMigrations, withNativeProjectBench } from './nativeProjectBench';

const migrations = 200;
const specs = tableMigrations(migrations);

export const expectedSchemaSuite: BenchmarkSuite = {
  name: 'expected schema: 200 migrations replayed into a scratch database',
  run: () =>
    withNativeProjectBench('expected', specs, async ({ server, project, fresh, admin, url }) => {
      await admin('CREATE DATABASE shop');
      const target = postgresTarget(server, 'shop', project);
      await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'bench' });
      const ref = { url: url('shop'), project };

      let run = 0;
      const runAlone = async () => {
        run += 1;
        await admin(`CREATE DATABASE alone_${run}`);
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
    }),
};
