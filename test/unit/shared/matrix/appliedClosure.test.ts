import { describe, expect, it } from 'vitest';
import { appliedHeads, appliedWithAncestors, upgradeOrder } from '../../../../src-shared/graph/planner';
import { buildGraph } from '../../../../src-shared/graph/revisionGraph';
import { appliedRows, rowIndex } from '../../../../src-shared/matrix/appliedClosure';
import type { RevisionGraph } from '../../../../src-shared/graph/revisionGraph';
import { buildMatrix } from '../../../../src-shared/matrix/buildMatrix';
import { auditedRuns } from '../../../../src-shared/matrix/auditedRuns';
import { orderWithin } from '../../../../src-shared/matrix/neighbourGaps';
import { generateRevisions } from '../../../fixtures/migrations/generator';
import { graphOf, rev } from '../../../support/revisions';

const generated = generateRevisions(7, {
  revisions: 800,
  branchChance: 1 / 10,
  mergeChance: 1 / 12,
  dependsOnChance: 0.02,
  labelChance: 0.01,
  rootChance: 0.01,
  heads: 4,
});
const graph = buildGraph(generated.map((r) => ({ ...r, message: r.id, createdAt: null, file: `${r.id}.sql`, line: 1 })));

describe('the applied set of a column', () => {
  /** The rows newest first, as the matrix has them: children before parents. */
  function closure(of: RevisionGraph, recorded: ReadonlySet<string>) {
    const ids = [...of.topological].reverse();
    const missing = of.revisions.map((r) => r.id).filter((id) => !ids.includes(id));
    const index = rowIndex(of, [...missing, ...ids]);
    const { applied, heads } = appliedRows(
      of,
      index,
      Uint8Array.from(index.ids, (id) => (recorded.has(id) ? 1 : 0)),
    );
    return { applied: index.ids.filter((_, i) => applied[i] === 1), heads };
  }

  it('is the walks’ answer: every ancestor of what is recorded, and the same heads', () => {
    for (const every of [3, 7, 50]) {
      const recorded = new Set(graph.revisions.filter((_, i) => i % every === 0).map((r) => r.id));
      const walked = appliedWithAncestors(graph, recorded);
      const answer = closure(graph, recorded);
      expect(answer.applied.sort()).toEqual([...walked].sort());
      expect(answer.heads).toEqual(appliedHeads(graph, walked));
    }
  });

  it('falls back to the walks where a cycle keeps revisions out of the topological order', () => {
    const cyclic = graphOf(rev('a'), rev('b', ['a', 'c']), rev('c', ['b']));
    expect(closure(cyclic, new Set(['b'])).applied.sort()).toEqual([...appliedWithAncestors(cyclic, ['b'])].sort());
  });

  it('lists what is pending per branch in the planner’s own order', () => {
    const recorded = graph.topological.slice(0, 500);
    const matrix = buildMatrix({
      project: { id: 'p', name: 'p', dir: '/p', format: 'native' },
      graph,
      fileChecksums: new Map(),
      anomalies: [],
      environments: [
        {
          name: 'dev',
          columns: [
            {
              environment: 'dev',
              profileId: 'd',
              profileName: 'd',
              role: 'main',
              production: false,
              read: {
                ok: true,
                records: recorded.map((revision) => ({ revision, checksum: null, appliedAt: null, appliedBy: null, durationMs: null })),
                runRefusal: null,
              },
              runs: auditedRuns([]),
            },
          ],
        },
      ],
      readAt: '',
    });
    const applied = appliedWithAncestors(graph, recorded);
    const pending = upgradeOrder(graph, new Set(graph.revisions.map((r) => r.id).filter((id) => !applied.has(id))));
    const branches = matrix.columns[0]?.pendingByBranch ?? [];
    expect(branches.length).toBeGreaterThan(0);
    for (const branch of branches) expect(branch.revisions).toEqual(pending.filter((id) => branch.revisions.includes(id)));
    expect(new Set(branches.flatMap((b) => b.revisions))).toEqual(new Set(pending));
  });

  it('orders any set of revisions as the planner does, walking only the set', () => {
    for (const every of [2, 5, 13]) {
      const ids = new Set(graph.revisions.filter((_, i) => i % every === 1).map((r) => r.id));
      expect(orderWithin(graph, ids)).toEqual(upgradeOrder(graph, ids));
    }
  });
});
