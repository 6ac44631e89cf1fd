// The matrix of a 10,000-revision branchy project by 20 environments, each at its own point with a
// version-table row per applied revision: the data ready for the screen (rows with lanes, 200,000
// cells, the gaps between neighbours), beside building the revision map alone, in the same run.
import { buildGraph } from '../../src-shared/graph/revisionGraph';
import { auditedRuns } from '../../src-shared/matrix/auditedRuns';
import { buildMatrix, type ColumnInput } from '../../src-shared/matrix/buildMatrix';
import type { Revision } from '../../src-shared/model/revision';
import type { AppliedRecord } from '../../src-shared/model/status';
import { generateRevisions } from '../fixtures/migrations/generator';
import { inTurns, withBaseline, type BenchmarkSuite } from './harness';

const revisionCount = 10_000;
const environmentCount = 20;

export const matrixSuite: BenchmarkSuite = {
  name: 'project matrix',
  async run() {
    const generated = generateRevisions(15, {
      revisions: revisionCount,
      branchChance: 1 / 25,
      mergeChance: 1 / 30,
      dependsOnChance: 0.005,
      labelChance: 0.002,
      rootChance: 0,
      heads: 3,
    });
    const revisions: Revision[] = generated.map((r, i) => ({ ...r, message: `revision ${i}`, createdAt: null, file: `${r.id}.sql`, line: 1 }));
    const graph = buildGraph(revisions);
    const order = graph.topological;
    // Environment i has applied all but the newest i × 150 revisions, each with its row.
    const columns: ColumnInput[] = Array.from({ length: environmentCount }, (_, i) => {
      const records: AppliedRecord[] = order.slice(0, order.length - i * 150).map((revision, n) => ({
        revision,
        checksum: `c${n % 97}`,
        appliedAt: '2026-11-30T09:00:00Z',
        appliedBy: 'deploy',
        durationMs: n % 50,
      }));
      return {
        environment: `env${i}`,
        profileId: `p${i}`,
        profileName: `db${i}`,
        role: 'main',
        production: i === environmentCount - 1,
        read: { ok: true, records, runRefusal: null },
        runs: auditedRuns([]),
      };
    });
    const fileChecksums = new Map(order.map((id, n) => [id, `c${n % 97}`]));
    const matrix = () =>
      buildMatrix({
        project: { id: 'p', name: 'bench', dir: '/bench', format: 'native' },
        graph: buildGraph(revisions),
        fileChecksums,
        anomalies: [],
        environments: columns.map((c) => ({ name: c.environment, columns: [c] })),
        readAt: '2026-12-01T00:00:00Z',
      });
    const cells = matrix().columns.reduce((n, c) => n + c.cells.length, 0);
    if (cells !== revisions.length * environmentCount) throw new Error(`The matrix has ${cells} cells, not ${revisions.length * environmentCount}.`);
    const [ready, graphOnly] = inTurns([matrix, () => buildGraph(revisions)], 5);
    return [
      withBaseline({
        name: `matrix data ready, ${revisions.length.toLocaleString('en-US')} revisions × ${environmentCount} environments (vs the revision map alone)`,
        value: ready as number,
        baseline: graphOnly as number,
        unit: 'ms',
        goal: '< 500 ms',
      }),
    ];
  },
};
