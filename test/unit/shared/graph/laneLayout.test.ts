import { describe, expect, it } from 'vitest';
import { layoutLanes, type LaneLayout, type LaneNode } from '../../../../src-shared/graph/laneLayout';
import { generateRevisions, type Shape } from '../../../fixtures/migrations/generator';

const node = (id: string, parents: string[] = [], dependsOn: string[] = []): LaneNode => ({ id, parents, dependsOn });

// The seeds' tree in miniature: a fork, a three-way merge, a depends-on and two heads.
const seedTree: LaneNode[] = [
  node('base'),
  node('security', ['base']),
  node('business', ['base']),
  node('sync', ['security']),
  node('tenant', ['business']),
  node('lineage', ['sync']),
  node('merge', ['sync', 'tenant', 'business']),
  node('rbac', ['merge']),
  node('llm', ['merge'], ['lineage']),
  node('rbac2', ['rbac']),
];

const shape = (revisions: number): Shape => ({
  revisions,
  branchChance: 0.15,
  mergeChance: 0.1,
  dependsOnChance: 0.05,
  labelChance: 0,
  rootChance: 0.02,
  heads: 3,
});

function generated(seed: number, revisions = 150): LaneNode[] {
  return generateRevisions(seed, shape(revisions)).map((r) => node(r.id, r.parents, r.dependsOn));
}

/** Lanes of every line crossing the boundary below each row: none may hold two lines. */
function crossingLanes(layout: LaneLayout): number[][] {
  return layout.rows.map((_row, r) => layout.edges.filter((e) => e.childRow <= r && e.parentRow > r).map((e) => e.lane));
}

const fixtures: Array<[string, LaneNode[]]> = [
  ['the seed tree', seedTree],
  ...[1, 2, 3, 4, 5].map((seed): [string, LaneNode[]] => [`generated project ${seed}`, generated(seed)]),
];

describe('lane layout', () => {
  it.each(fixtures)('never runs two lines through one cell (%s)', (_name, nodes) => {
    const layout = layoutLanes(nodes);
    for (const lanes of crossingLanes(layout)) expect(new Set(lanes).size).toBe(lanes.length);
    layout.rows.forEach((row) => {
      expect(row.through.map((t) => t.lane)).not.toContain(row.lane);
      const ends = [...row.up, ...row.down].filter((e) => e.lane !== row.lane).map((e) => e.lane);
      for (const t of row.through) expect(ends).not.toContain(t.lane);
    });
  });

  it.each(fixtures)('draws a line from every revision to each of its parents (%s)', (_name, nodes) => {
    const layout = layoutLanes(nodes);
    const rowOf = new Map(layout.rows.map((row, i) => [row.id, i]));
    for (const n of nodes) {
      const child = rowOf.get(n.id) as number;
      const drawn = layout.rows[child]?.down.filter((e) => !e.dashed).map((e) => layout.rows[e.parentRow]?.id);
      expect(new Set(drawn)).toEqual(new Set(n.parents));
    }
  });

  it('places newest first, every parent below its children', () => {
    const layout = layoutLanes(seedTree);
    expect(layout.rows[0]?.id).toBe('rbac2');
    for (const edge of layout.edges) expect(edge.parentRow).toBeGreaterThan(edge.childRow);
  });

  it('draws a merge of three parents with a line to each, and depends-on dashed', () => {
    const layout = layoutLanes(seedTree);
    const merge = layout.rows.find((r) => r.id === 'merge');
    expect(merge?.down.map((e) => layout.rows[e.parentRow]?.id).sort()).toEqual(['business', 'sync', 'tenant']);
    const llm = layout.rows.find((r) => r.id === 'llm');
    expect(llm?.down.filter((e) => e.dashed).map((e) => layout.rows[e.parentRow]?.id)).toEqual(['lineage']);
  });

  it('keeps a linear history in one lane and reuses a lane once its branch has ended', () => {
    const linear = layoutLanes([node('a'), node('b', ['a']), node('c', ['b'])]);
    expect(linear.laneCount).toBe(1);
    // Two short branches one after the other need two lanes, not three.
    const layout = layoutLanes([
      node('a'),
      node('x', ['a']),
      node('b', ['a']),
      node('m', ['x', 'b']),
      node('y', ['m']),
      node('c', ['m']),
      node('n', ['y', 'c']),
    ]);
    expect(layout.laneCount).toBe(2);
  });

  it.each([1, 2, 3, 4, 5, 6])('does not move existing revisions when one is appended (generated project %i)', (seed) => {
    const nodes = generated(seed, 200);
    const before = layoutLanes(nodes.slice(0, 199));
    const after = layoutLanes(nodes);
    const lanes = (layout: LaneLayout) => new Map(layout.rows.map((row) => [row.id, row.lane]));
    const old = lanes(before);
    const now = lanes(after);
    for (const [id, lane] of old) expect(now.get(id)).toBe(lane);
  });

  it('draws a missing revision as its own node when the caller adds it, and survives a cycle', () => {
    const layout = layoutLanes([node('a', ['b']), node('b', ['a']), node('c')]);
    expect(layout.rows.map((r) => r.id).sort()).toEqual(['a', 'b', 'c']);
  });
});
