// The lines passing through the rows in view, drawn as one SVG layer of long segments instead of
// a short line per row per lane: a tenth of the elements while scrolling a branchy graph.
import type { LaneRow } from '../../../src-shared/graph/laneLayout';
import type { ViewItem } from '../../../src-shared/graph/linearRuns';
import { laneColour, laneX, rowHeight } from './laneGeometry';

interface Props {
  rows: LaneRow[];
  items: ViewItem[];
  first: number;
  last: number;
  /** The lane column's width: lanes beyond it are clipped, as in the rows. */
  width: number;
}

interface Segment {
  lane: number;
  dashed: boolean;
  from: number;
  to: number;
}

/** What passes through a view item: a folded run also shows its own lane, dotted. */
export function throughOf(rows: LaneRow[], item: ViewItem): LaneRow['through'] {
  if (item.kind === 'revision') return rows[item.row]?.through ?? [];
  const row = rows[item.first] as LaneRow;
  return [...row.through, { lane: row.lane, dashed: true }];
}

export function ThroughLines({ rows, items, first, last, width }: Props) {
  const segments: Segment[] = [];
  const open = new Map<string, Segment>();
  for (let i = first; i < last; i += 1) {
    for (const t of throughOf(rows, items[i] as ViewItem)) {
      const key = `${t.lane}:${t.dashed}`;
      const segment = open.get(key);
      if (segment && segment.to === i - 1) segment.to = i;
      else {
        const started = { lane: t.lane, dashed: t.dashed, from: i, to: i };
        segments.push(started);
        open.set(key, started);
      }
    }
  }
  return (
    <svg className="graph-through" width={width} height={(last - first) * rowHeight} style={{ transform: `translateY(${first * rowHeight}px)` }} aria-hidden="true">
      {segments.map((s) => (
        <line
          key={`${s.lane}:${s.dashed}:${s.from}`}
          x1={laneX(s.lane)}
          x2={laneX(s.lane)}
          y1={(s.from - first) * rowHeight}
          y2={(s.to - first + 1) * rowHeight}
          stroke={laneColour(s.lane)}
          strokeDasharray={s.dashed ? '3 3' : undefined}
        />
      ))}
    </svg>
  );
}
