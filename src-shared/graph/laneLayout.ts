// Lanes for the graph screen: the column each revision sits in and the lines crossing each row.
// Placed oldest first, and every decision looks only at rows already placed, so appending a
// revision never moves one that was there before; a lane is reused once nothing runs in it.

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
  const byId = new Map<string, number>();
  nodes.forEach((node, i) => {
    if (!byId.has(node.id)) byId.set(node.id, i);
  });
  const below = (node: LaneNode) => [...new Set([...node.parents, ...node.dependsOn])].filter((id) => byId.has(id) && id !== node.id);
  const waitingOn = new Map<number, number>();
  const blocks = new Map<string, number[]>();
  nodes.forEach((node, i) => {
    if (byId.get(node.id) !== i) return;
    const ids = below(node);
    waitingOn.set(i, ids.length);
    for (const id of ids) blocks.set(id, [...(blocks.get(id) ?? []), i]);
  });
  const placed = new Set<number>();
  const order: LaneNode[] = [];
  const place = (first: number) => {
    const ready = [first];
    while (ready.length > 0) {
      ready.sort((a, b) => b - a);
      const i = ready.pop() as number;
      placed.add(i);
      const node = nodes[i] as LaneNode;
      order.push(node);
      for (const above of blocks.get(node.id) ?? []) {
        const left = (waitingOn.get(above) as number) - 1;
        waitingOn.set(above, left);
        // Revisions further down the input are placed when the loop reaches them.
        if (left === 0 && above < cursor) ready.push(above);
      }
    }
  };
  let cursor = 0;
  for (; cursor < nodes.length; cursor += 1) {
    if (waitingOn.get(cursor) === 0 && !placed.has(cursor)) place(cursor);
  }
  // A cycle keeps its revisions waiting forever: they go last, in input order.
  nodes.forEach((node, i) => {
    if (byId.get(node.id) === i && !placed.has(i)) order.push(node);
  });
  return order;
}

export function layoutLanes(nodes: readonly LaneNode[]): LaneLayout {
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
    for (let row = edge.childRow + 1; row < edge.parentRow; row += 1) (rows[row] as LaneRow).through.push({ lane: edge.lane, dashed: edge.dashed });
  }
  return { rows, laneCount: busyUntil.length, edges: laneEdges };
}
