import { describe, expect, it } from 'vitest';
import { layoutLanes } from '../../../../src-shared/graph/laneLayout';
import { viewItems, type ViewItem } from '../../../../src-shared/graph/linearRuns';
import { laneColour, laneX, rowHeight } from '../../../../src-renderer/features/graph/laneGeometry';
import { ghostColour, hollowFill, laneStrokes, type NodeLook, type Stroke } from '../../../../src-renderer/features/graph/laneStrokes';

const node = (id: string, parents: string[] = [], dependsOn: string[] = []) => ({ id, parents, dependsOn });
const pending = (): NodeLook => ({ state: 'pending', merge: false, head: false });
const revisions = (count: number): ViewItem[] => Array.from({ length: count }, (_, row) => ({ kind: 'revision', row }));
const circles = (strokes: Stroke[]) => strokes.filter((s) => s.kind === 'circle');
const lines = (strokes: Stroke[]) => strokes.flatMap((s) => (s.kind === 'circle' ? [] : [s]));

// a ← b ← d, a ← c ← d (a merge), e on a with a dashed dependency on c. Newest first: e d c b a.
const layout = layoutLanes([node('a'), node('b', ['a']), node('c', ['a']), node('d', ['b', 'c']), node('e', ['a'], ['c'])]);
const rowOf = (id: string) => layout.rows.findIndex((r) => r.id === id);

describe('the lanes of the rows in view', () => {
  it('draw one node per revision in view, in its lane and row, after every line', () => {
    const strokes = laneStrokes(layout.rows, revisions(layout.rows.length), 1, 4, pending);
    const nodes = circles(strokes);
    expect(nodes.map((n) => [n.x, n.y])).toEqual(layout.rows.slice(1, 4).map((r, k) => [laneX(r.lane), k * rowHeight + rowHeight / 2]));
    expect(strokes.findIndex((s) => s.kind === 'circle')).toBe(strokes.length - nodes.length);
  });

  it('fill the node when the selected database has it applied, hollow otherwise; a ghost is dotted red; a head is ringed; a merge is bigger', () => {
    const looks: Record<string, NodeLook> = {
      d: { state: 'applied', merge: true, head: true },
      c: { state: 'ghost', merge: false, head: false },
    };
    const strokes = laneStrokes(layout.rows, revisions(layout.rows.length), 0, layout.rows.length, (row) => looks[row.id] ?? pending());
    const at = (id: string) => circles(strokes).filter((c) => c.y === rowOf(id) * rowHeight + rowHeight / 2);
    const lane = (id: string) => layout.rows[rowOf(id)]?.lane as number;
    expect(at('d')).toEqual([
      { kind: 'circle', x: laneX(lane('d')), y: at('d')[0]?.y, r: 7.5, fill: undefined, colour: laneColour(lane('d')), width: 1.5, dotted: false },
      { kind: 'circle', x: laneX(lane('d')), y: at('d')[0]?.y, r: 5.5, fill: laneColour(lane('d')), colour: laneColour(lane('d')), width: 2, dotted: false },
    ]);
    expect(at('c')).toMatchObject([{ r: 4.5, fill: hollowFill, colour: ghostColour, dotted: true }]);
    expect(at('b')).toMatchObject([{ r: 4.5, fill: hollowFill, colour: laneColour(lane('b')), dotted: false }]);
  });

  it('draw each line to a child up to the row’s top and each to a parent down to its bottom, curving between lanes, dashed for a dependency', () => {
    const d = rowOf('d');
    const strokes = lines(laneStrokes(layout.rows, revisions(layout.rows.length), d, d + 1, pending));
    const row = layout.rows[d];
    expect(strokes).toHaveLength((row?.up.length ?? 0) + (row?.down.length ?? 0) + (row?.through.length ?? 0));
    for (const edge of row?.down ?? []) {
      const x2 = laneX(edge.lane);
      expect(strokes).toContainEqual({
        kind: x2 === laneX(row?.lane as number) ? 'line' : 'curve',
        x1: laneX(row?.lane as number),
        y1: rowHeight / 2,
        x2,
        y2: rowHeight,
        colour: laneColour(edge.lane),
        dashed: edge.dashed,
      });
    }
    const e = rowOf('e');
    expect(lines(laneStrokes(layout.rows, revisions(layout.rows.length), e, e + 1, pending)).some((s) => s.dashed)).toBe(true);
  });

  it('draw a line passing through several rows in view as one segment, from the first row’s top to the last row’s bottom', () => {
    // A long branch beside a long trunk: the branch's lane passes through the trunk's rows.
    const trunk = Array.from({ length: 12 }, (_, i) => node(`t${i}`, i === 0 ? [] : [`t${i - 1}`]));
    const wide = layoutLanes([...trunk, node('side', ['t0']), node('tip', ['side', 't11'])]);
    const items = revisions(wide.rows.length);
    const [from, to] = [wide.rows.findIndex((r) => r.id === 't11'), wide.rows.findIndex((r) => r.id === 't1')];
    const branch = wide.rows.find((r) => r.id === 'side')?.lane as number;
    expect(wide.rows.slice(from, to + 1).every((r) => r.through.some((t) => t.lane === branch))).toBe(true);
    const strokes = lines(laneStrokes(wide.rows, items, from, to + 1, pending)).filter((s) => s.x1 === laneX(branch));
    expect(strokes).toEqual([
      { kind: 'line', x1: laneX(branch), y1: 0, x2: laneX(branch), y2: (to - from + 1) * rowHeight, colour: laneColour(branch), dashed: false },
    ]);
  });

  it('show a folded run as its own lane passing through, dashed, with no node', () => {
    const trunk = Array.from({ length: 10 }, (_, i) => node(`t${i}`, i === 0 ? [] : [`t${i - 1}`]));
    const folded = layoutLanes(trunk);
    const items = viewItems(folded, true);
    const run = items.findIndex((item) => item.kind === 'run');
    expect(run).toBeGreaterThanOrEqual(0);
    const strokes = laneStrokes(folded.rows, items, run, run + 1, pending);
    expect(strokes).toEqual([expect.objectContaining({ kind: 'line', y1: 0, y2: rowHeight, dashed: true })]);
  });
});
