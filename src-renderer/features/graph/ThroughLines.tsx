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
  /** Lane, dash and the how-manieth segment of that lane in view: kept while scrolling, so a line is moved, not replaced. */
  key: string;
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
  const open = new Map<string, { segment: Segment; count: number }>();
  for (let i = first; i < last; i += 1) {
    for (const t of throughOf(rows, items[i] as ViewItem)) {
      const line = `${t.lane}:${t.dashed}`;
      const current = open.get(line);
      if (current && current.segment.to === i - 1) current.segment.to = i;
      else {
        const count = (current?.count ?? 0) + 1;
        const started = { key: `${line}:${count}`, lane: t.lane, dashed: t.dashed, from: i, to: i };
        segments.push(started);
        open.set(line, { segment: started, count });
      }
    }
  }
  return (
    <svg
      className="graph-through"
      width={width}
      height={(last - first) * rowHeight}
      style={{ transform: `translateY(${first * rowHeight}px)` }}
      aria-hidden="true"
    >
      {segments.map((s) => (
        <line
          key={s.key}
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
