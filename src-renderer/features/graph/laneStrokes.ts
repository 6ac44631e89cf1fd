// What the lanes of the rows in view are drawn with, as plain data: the lines passing through (one long
// segment per lane and stretch, not one per row), each revision's lines to its children (up) and parents
// (down), its node, whose fill says whether the selected database has it applied, and a ring on a head.
// LaneCanvas paints them; y is measured from the top of the first row in view.
import type { LaneRow } from '../../../src-shared/graph/laneLayout';
import type { ViewItem } from '../../../src-shared/graph/linearRuns';
import { laneColour, laneX, rowHeight } from './laneGeometry';

export type NodeState = 'applied' | 'pending' | 'ghost' | 'unknown';

/** How a revision's node looks: asked for each revision row in view. */
export interface NodeLook {
  state: NodeState;
  merge: boolean;
  head: boolean;
}

/** A straight line or a curve from (x1, y1) to (x2, y2), bending halfway down. */
export interface LineStroke {
  kind: 'line' | 'curve';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  colour: string;
  dashed: boolean;
}

export interface CircleStroke {
  kind: 'circle';
  x: number;
  y: number;
  r: number;
  /** Undefined: not filled. */
  fill: string | undefined;
  colour: string;
  width: number;
  /** Dotted: a ghost's outline. */
  dotted: boolean;
}

export type Stroke = LineStroke | CircleStroke;

/** A pending (or unknown) revision's node: hollow, the panel's dark behind it. */
export const hollowFill = '#14161a';
export const ghostColour = '#ff6b6b';

/** What passes through a view item: a folded run also shows its own lane, dashed. */
export function throughOf(rows: readonly LaneRow[], item: ViewItem): LaneRow['through'] {
  if (item.kind === 'revision') return rows[item.row]?.through ?? [];
  const row = rows[item.first] as LaneRow;
  return [...row.through, { lane: row.lane, dashed: true }];
}

/** The lines passing through items [first, last), each lane's unbroken stretch one segment. */
function throughStrokes(rows: readonly LaneRow[], items: readonly ViewItem[], first: number, last: number): LineStroke[] {
  const strokes: LineStroke[] = [];
  // Per lane and dash (lane * 2 + dashed), the segment drawn last and the item it reaches.
  const open: Array<{ stroke: LineStroke; until: number } | undefined> = [];
  for (let i = first; i < last; i += 1) {
    for (const t of throughOf(rows, items[i] as ViewItem)) {
      const line = t.lane * 2 + (t.dashed ? 1 : 0);
      const current = open[line];
      const bottom = (i - first + 1) * rowHeight;
      if (current && current.until === i - 1) {
        current.stroke.y2 = bottom;
        current.until = i;
      } else {
        const x = laneX(t.lane);
        const stroke: LineStroke = { kind: 'line', x1: x, y1: bottom - rowHeight, x2: x, y2: bottom, colour: laneColour(t.lane), dashed: t.dashed };
        strokes.push(stroke);
        open[line] = { stroke, until: i };
      }
    }
  }
  return strokes;
}

/** A revision's own lines and node, its row's top at `top`. */
function revisionStrokes(row: LaneRow, look: NodeLook, top: number): Stroke[] {
  const x = laneX(row.lane);
  const mid = top + rowHeight / 2;
  const colour = laneColour(row.lane);
  const edge = (lane: number, dashed: boolean, y2: number): LineStroke => {
    const x2 = laneX(lane);
    return { kind: x2 === x ? 'line' : 'curve', x1: x, y1: mid, x2, y2, colour: laneColour(lane), dashed };
  };
  const strokes: Stroke[] = [...row.up.map((e) => edge(e.lane, e.dashed, top)), ...row.down.map((e) => edge(e.lane, e.dashed, top + rowHeight))];
  if (look.head) strokes.push({ kind: 'circle', x, y: mid, r: 7.5, fill: undefined, colour, width: 1.5, dotted: false });
  const ghost = look.state === 'ghost';
  strokes.push({
    kind: 'circle',
    x,
    y: mid,
    r: look.merge ? 5.5 : 4.5,
    fill: look.state === 'applied' ? colour : hollowFill,
    colour: ghost ? ghostColour : colour,
    width: 2,
    dotted: ghost,
  });
  return strokes;
}

/** Everything the lanes of items [first, last) are drawn with, lines under nodes. */
export function laneStrokes(rows: readonly LaneRow[], items: readonly ViewItem[], first: number, last: number, lookOf: (row: LaneRow) => NodeLook): Stroke[] {
  const lines = throughStrokes(rows, items, first, last);
  const own: Stroke[] = [];
  const nodes: Stroke[] = [];
  for (let i = first; i < last; i += 1) {
    const item = items[i] as ViewItem;
    if (item.kind !== 'revision') continue;
    const row = rows[item.row] as LaneRow;
    for (const stroke of revisionStrokes(row, lookOf(row), (i - first) * rowHeight)) (stroke.kind === 'circle' ? nodes : own).push(stroke);
  }
  return [...lines, ...own, ...nodes];
}
