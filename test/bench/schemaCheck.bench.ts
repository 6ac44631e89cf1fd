// What the schema check after a run costs: the last 5 of 60 native migrations run through the runner
// service (the run dialog's and the CLI's way) on a copy of a database at the 55th, with the check
// beside the same run without it, in turns. Cold: the migrations at the new applied set were never
// replayed (a new data folder: nothing cached); warm: they were (the next database of a release, or
// a second look), so the check is a schema read and a diff.
import type { RunResult } from '../../src-shared/model/run';
import type { TargetRef } from '../../src-shared/model/targetRef';
import { runTarget } from '../../src-main/runner/runnerService';
import type { Services } from '../../src-main/services';
import { postgresTarget } from '../support/migrationTargets';
import { round, withBaseline, type BenchmarkSuite } from './harness';
import { migrationId, tableMigrations, withNativeProjectBench } from './nativeProjectBench';

const migrations = 60;
const pending = 5;
const iterations = 5;
const specs = tableMigrations(migrations);

function ran(services: Services, ref: TargetRef, schemaCheck: boolean): Promise<RunResult> {
  const started = services.runner.run(ref, { action: 'upgrade', to: 'heads' }, 'bench', { confirmation: {}, schemaCheck });
  return new Promise((resolve, reject) => {
    const stop = services.events.onEvent(({ event, payload }) => {
      if (event !== 'op.done' || payload.opId !== started.opId) return;
      stop();
      if (payload.ok) resolve(payload.result as RunResult);
      else reject(new Error(payload.error.message));
    });
  });
}

const median = (times: number[]) => round([...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN);

export const schemaCheckSuite: BenchmarkSuite = {
  name: 'schema check after a run: 5 of 60 migrations on PostgreSQL',
  run: () =>
    withNativeProjectBench('schemacheck', specs, async ({ server, project, fresh, admin, url }) => {
      await admin('CREATE DATABASE at_55');
      await runTarget(postgresTarget(server, 'at_55', project), { action: 'upgrade', to: migrationId(migrations - pending - 1) }, { actor: 'bench' });
      let copies = 0;
      /** A copy of the database at the 55th migration (made outside the time measured), as a URL target. */
      const copy = async (): Promise<TargetRef> => {
        copies += 1;
        await admin(`CREATE DATABASE copy_${copies} TEMPLATE at_55`);
        return { url: url(`copy_${copies}`), project };
      };
      const timed = async (services: Services, schemaCheck: boolean): Promise<number> => {
        const ref = await copy();
        const started = performance.now();
        const result = await ran(services, ref, schemaCheck);
        const ms = performance.now() - started;
        // A check that compared nothing, or found drift on a clean run, measures nothing.
        if (result.steps.length !== pending) throw new Error(`The run applied ${result.steps.length} migrations, not ${pending}.`);
        if (schemaCheck && !(result.schemaCheck?.checked && result.schemaCheck.report.objects.length === 0))
          throw new Error(`The check after the run did not find the schema clean: ${JSON.stringify(result.schemaCheck)}`);
        return ms;
      };
      const warm = fresh();
      await timed(warm, true);
      await timed(warm, false);
      const alone: number[] = [];
      const cold: number[] = [];
      const cached: number[] = [];
      for (let i = 0; i < iterations; i += 1) {
        alone.push(await timed(warm, false));
        cold.push(await timed(fresh(), true));
        cached.push(await timed(warm, true));
      }
      return [
        withBaseline({
          name: `run of ${pending} migrations with the schema check, cold (replay of ${migrations} not cached)`,
          value: median(cold),
          baseline: median(alone),
          unit: 'ms',
          goal: 'said, no goal: the replay of the whole project once per applied set; baseline: the same run without the check',
        }),
        withBaseline({
          name: `run of ${pending} migrations with the schema check, replay cached`,
          value: median(cached),
          baseline: median(alone),
          unit: 'ms',
          goal: 'ratio ≤ 1.5; baseline: the same run without the check',
        }),
      ];
    }),
};
