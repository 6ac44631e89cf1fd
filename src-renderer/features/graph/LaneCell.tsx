// One row's slice of the graph: lines to children (up) and parents (down) and the revision's node,
// whose fill says whether the selected database has it applied. Lines passing through are drawn by
// ThroughLines.
import type { LaneRow } from '../../../src-shared/graph/laneLayout';
import { laneColour, laneX, lanesWidth, rowHeight } from './laneGeometry';

export type NodeState = 'applied' | 'pending' | 'ghost' | 'unknown';

interface Props {
  row: LaneRow;
  laneCount: number;
  state: NodeState;
  merge: boolean;
  head: boolean;
}

const mid = rowHeight / 2;

function curve(fromX: number, fromY: number, toX: number, toY: number): string {
  if (fromX === toX) return `M${fromX} ${fromY}L${toX} ${toY}`;
  const bend = (toY - fromY) / 2;
  return `M${fromX} ${fromY}C${fromX} ${fromY + bend} ${toX} ${toY - bend} ${toX} ${toY}`;
}

export function LaneCell({ row, laneCount, state, merge, head }: Props) {
  const x = laneX(row.lane);
  const colour = laneColour(row.lane);
  return (
    <svg className="graph-lanes" width={lanesWidth(laneCount)} height={rowHeight} aria-hidden="true">
      {row.up.map((e, i) => (
        <path key={`u${i}`} d={curve(x, mid, laneX(e.lane), 0)} stroke={laneColour(e.lane)} strokeDasharray={e.dashed ? '3 3' : undefined} fill="none" />
      ))}
      {row.down.map((e, i) => (
        <path
          key={`d${i}`}
          d={curve(x, mid, laneX(e.lane), rowHeight)}
          stroke={laneColour(e.lane)}
          strokeDasharray={e.dashed ? '3 3' : undefined}
          fill="none"
        />
      ))}
      {head && <circle cx={x} cy={mid} r={7.5} fill="none" stroke={colour} strokeWidth={1.5} />}
      <circle
        className={`graph-node graph-node-${state}`}
        cx={x}
        cy={mid}
        r={merge ? 5.5 : 4.5}
        fill={state === 'applied' ? colour : '#14161a'}
        stroke={state === 'ghost' ? '#ff6b6b' : colour}
        strokeWidth={2}
        strokeDasharray={state === 'ghost' ? '2 2' : undefined}
      />
    </svg>
  );
}
