// Lanes for the graph screen: the column each revision sits in and the lines crossing each row.
// Placed oldest first, and every decision looks only at rows already placed, so appending a
// revision never moves one that was there before; a lane is reused once nothing runs in it.
import { topologicalOrder } from './topologicalOrder';

export interface LaneNode {
  id: string;
  parents: readonly string[];
  /** Cross-branch requirements, drawn dashed. */
  dependsOn: readonly string[];
}

/** A line from a revision to one of its parents (or what it depends on). Rows are display rows. */
export interface LaneEdge {
  childRow: number;
  parentRow: number;
  childLane: number;
  parentLane: number;
  /** The lane the line runs in between the two rows. */
  lane: number;
  dashed: boolean;
}

export interface LaneRow {
  id: string;
  lane: number;
  /** Lines passing through the row without touching its revision. */
  through: Array<{ lane: number; dashed: boolean }>;
  /** Lines leaving the revision upwards, to its children. */
  up: LaneEdge[];
  /** Lines leaving the revision downwards, to its parents. */
  down: LaneEdge[];
}

export interface LaneLayout {
  /** Display order: newest first. */
  rows: LaneRow[];
  laneCount: number;
  edges: LaneEdge[];
}

/** The input order made topological: each revision as early as its input position allows, after its parents. */
export function oldestFirst(nodes: readonly LaneNode[]): LaneNode[] {
  // A repeated id is drawn once, where it is first read.
  const positionOf = new Map<string, number>();
  const unique: LaneNode[] = [];
  for (const node of nodes) {
    if (positionOf.has(node.id)) continue;
    positionOf.set(node.id, unique.length);
    unique.push(node);
  }
  const below = (node: LaneNode) => [...node.parents, ...node.dependsOn].flatMap((id) => (id === node.id ? [] : (positionOf.get(id) ?? [])));
  const { order, blocked } = topologicalOrder(unique.length, (i) => below(unique[i] as LaneNode));
  // A cycle keeps its revisions waiting forever: they go last, in input order.
  return [...order, ...blocked].map((i) => unique[i] as LaneNode);
}

/**
 * `through: false` leaves each row's `through` empty: a long-lived branch's lines cross thousands of
 * rows, and a caller that draws only the rows on screen (the matrix) finds them from `edges` instead.
 */
export function layoutLanes(nodes: readonly LaneNode[], { through = true }: { through?: boolean } = {}): LaneLayout {
  const order = oldestFirst(nodes);
  const count = order.length;
  const rowOf = new Map(order.map((node, i) => [node.id, i]));
  const laneOf: number[] = [];
  // Per lane, the last (oldest-first) row something occupies in it.
  const busyUntil: number[] = [];
  // The lane's last line ends curving into that row's revision: its upper half is still free.
  const openAbove: boolean[] = [];
  const freeFrom = (row: number) => {
    const lane = busyUntil.findIndex((until, l) => until < row || (until === row && openAbove[l]));
    return lane === -1 ? busyUntil.length : lane;
  };
  const edges: Array<Omit<LaneEdge, 'childRow' | 'parentRow'> & { child: number; parent: number }> = [];
  order.forEach((node, i) => {
    const parents = [...new Set(node.parents)].map((id) => rowOf.get(id)).filter((row): row is number => row !== undefined && row < i);
    const first = parents[0];
    // Straight on when the first parent's lane has stayed empty since; else a new lane from the fork up.
    const lane = first !== undefined && busyUntil[laneOf[first] as number] === first ? (laneOf[first] as number) : freeFrom(first ?? i);
    busyUntil[lane] = i;
    openAbove[lane] = false;
    laneOf[i] = lane;
    if (first !== undefined) edges.push({ child: i, parent: first, childLane: lane, parentLane: laneOf[first] as number, lane, dashed: false });
    const join = (parent: number, dashed: boolean) => {
      const own = laneOf[parent] as number;
      const edgeLane = !dashed && busyUntil[own] === parent ? own : freeFrom(parent);
      busyUntil[edgeLane] = i;
      openAbove[edgeLane] = true;
      edges.push({ child: i, parent, childLane: lane, parentLane: own, lane: edgeLane, dashed });
    };
    for (const parent of parents.slice(1)) join(parent, false);
    const parentSet = new Set(node.parents);
    for (const id of new Set(node.dependsOn)) {
      const row = rowOf.get(id);
      if (row !== undefined && row < i && !parentSet.has(id)) join(row, true);
    }
  });
  const display = (row: number) => count - 1 - row;
  const rows: LaneRow[] = order.map((node, i) => ({ id: node.id, lane: laneOf[i] as number, through: [], up: [], down: [] })).reverse();
  const laneEdges: LaneEdge[] = [];
  for (const { child, parent, ...rest } of edges) {
    const edge: LaneEdge = { ...rest, childRow: display(child), parentRow: display(parent) };
    laneEdges.push(edge);
    (rows[edge.childRow] as LaneRow).down.push(edge);
    (rows[edge.parentRow] as LaneRow).up.push(edge);
    if (through)
      for (let row = edge.childRow + 1; row < edge.parentRow; row += 1) (rows[row] as LaneRow).through.push({ lane: edge.lane, dashed: edge.dashed });
  }
  return { rows, laneCount: busyUntil.length, edges: laneEdges };
}
