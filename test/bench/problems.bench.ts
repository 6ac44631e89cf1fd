// A tab reads the connection's problems with its own data (status, inventory and graph in one go, so
// every tab counts the same moment). What reading the three at once would cost the Graph tab's rows on
// a 10,000-revision native project over SQLite, against the graph alone in turns: the reason each tab
// reads its own first (problemsStore.refresh's `first`).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TargetRef } from '../../src-shared/model/targetRef';
import { createServices } from '../../src-main/services';
import { generateRevisions, writeNativeProject } from '../fixtures/migrations/generator';
import { round, withBaseline, type BenchmarkSuite } from './harness';

const iterations = 5;

function median(times: number[]): number {
  return round([...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN);
}

export const problemsSuite: BenchmarkSuite = {
  name: 'problems summary',
  async run() {
    const home = mkdtempSync(join(tmpdir(), 'switchyard-bench-problems-'));
    const services = createServices({ dataDir: home, onUnexpectedError: () => undefined });
    try {
      const project = join(home, 'project');
      writeNativeProject(
        project,
        generateRevisions(12, {
          revisions: 10_000,
          branchChance: 1 / 25,
          mergeChance: 1 / 30,
          dependsOnChance: 0.005,
          labelChance: 0.002,
          rootChance: 0,
          heads: 3,
        }),
      );
      const database = join(home, 'bench.sqlite');
      writeFileSync(database, '');
      const ref: TargetRef = { url: `sqlite://${database}`, env: 'dev', project, format: 'native' };

      const graphAlone = async () => {
        const started = performance.now();
        await services.graph.load(ref);
        return performance.now() - started;
      };
      // The graph's time, not the slowest of the three: the rows wait for the graph only.
      const graphBesideProblems = async () => {
        const started = performance.now();
        let graphAt = 0;
        await Promise.all([
          services.graph.load(ref).then(() => (graphAt = performance.now() - started)),
          services.runner.status(ref),
          services.inventory.load(ref),
        ]);
        return graphAt;
      };
      await graphAlone();
      await graphBesideProblems();
      const alone: number[] = [];
      const beside: number[] = [];
      for (let i = 0; i < iterations; i += 1) {
        alone.push(await graphAlone());
        beside.push(await graphBesideProblems());
      }
      return [
        withBaseline({
          name: 'problems summary: the Graph tab’s graph data read beside the status and inventory vs alone, 10,000 native revisions (SQLite)',
          value: median(beside),
          baseline: median(alone),
          unit: 'ms',
          goal: 'none: the ratio is why the graph is read first',
        }),
      ];
    } finally {
      services.close();
      rmSync(home, { recursive: true, force: true });
    }
  },
};
