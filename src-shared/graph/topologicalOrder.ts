// The graph model's one topological order, for the revision graph and the lane layout alike: what a
// node stands on comes first, and otherwise the reading order is kept, so a list stays recognisable.

export interface TopologicalOrder {
  /** Node positions, each after every node it stands on; among nodes ready together, the one read first. */
  order: number[];
  /** Nodes in or above a cycle, which can never come after everything they stand on, in reading order. */
  blocked: number[];
}

/** A binary min-heap of positions: the ready node read first is always taken next. */
class ReadyNodes {
  private readonly heap: number[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(node: number): void {
    const heap = this.heap;
    let i = heap.push(node) - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if ((heap[up] as number) <= node) break;
      heap[i] = heap[up] as number;
      i = up;
    }
    heap[i] = node;
  }

  takeFirst(): number {
    const heap = this.heap;
    const first = heap[0] as number;
    const last = heap.pop() as number;
    if (heap.length === 0) return first;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= heap.length) break;
      if (child + 1 < heap.length && (heap[child + 1] as number) < (heap[child] as number)) child += 1;
      if ((heap[child] as number) >= last) break;
      heap[i] = heap[child] as number;
      i = child;
    }
    heap[i] = last;
    return first;
  }
}

/**
 * Orders nodes `0 … count - 1`, where `below(node)` lists the positions a node stands on (its
 * parents and depends-on). A position listed twice counts once; a node listing itself is a cycle.
 */
export function topologicalOrder(count: number, below: (node: number) => readonly number[]): TopologicalOrder {
  const start = new Int32Array(count + 1);
  const list: number[] = [];
  for (let node = 0; node < count; node += 1) {
    const unders = below(node);
    for (let i = 0; i < unders.length; i += 1) list.push(unders[i] as number);
    start[node + 1] = list.length;
  }
  return topologicalOrderOf(count, start, list);
}

/**
 * The same order from the edges laid out flat: node `n` stands on `list[start[n]] … list[start[n + 1] - 1]`.
 * What the revision graph builds for thousands of revisions, without an array per node.
 */
export function topologicalOrderOf(count: number, start: Int32Array, list: ArrayLike<number>): TopologicalOrder {
  const waiting = new Int32Array(count);
  // The last node that listed each position: a position listed twice by one node counts once.
  const listedBy = new Int32Array(count).fill(-1);
  // What stands on each node, laid out flat as well: aboveStart[n] … aboveStart[n + 1] - 1 in `above`.
  const aboveStart = new Int32Array(count + 1);
  for (let node = 0; node < count; node += 1) {
    for (let i = start[node] as number, end = start[node + 1] as number; i < end; i += 1) {
      const under = list[i] as number;
      if (listedBy[under] === node) continue;
      listedBy[under] = node;
      waiting[node] = (waiting[node] as number) + 1;
      aboveStart[under + 1] = (aboveStart[under + 1] as number) + 1;
    }
  }
  for (let node = 0; node < count; node += 1) aboveStart[node + 1] = (aboveStart[node + 1] as number) + (aboveStart[node] as number);
  const above = new Int32Array(aboveStart[count] as number);
  const filled = aboveStart.slice(0, count);
  listedBy.fill(-1);
  const ready = new ReadyNodes();
  for (let node = 0; node < count; node += 1) {
    for (let i = start[node] as number, end = start[node + 1] as number; i < end; i += 1) {
      const under = list[i] as number;
      if (listedBy[under] === node) continue;
      listedBy[under] = node;
      above[filled[under] as number] = node;
      filled[under] = (filled[under] as number) + 1;
    }
    if (waiting[node] === 0) ready.push(node);
  }
  const order: number[] = [];
  while (ready.size > 0) {
    const node = ready.takeFirst();
    order.push(node);
    for (let i = aboveStart[node] as number, end = aboveStart[node + 1] as number; i < end; i += 1) {
      const next = above[i] as number;
      waiting[next] = (waiting[next] as number) - 1;
      if (waiting[next] === 0) ready.push(next);
    }
  }
  const blocked: number[] = [];
  if (order.length < count) for (let node = 0; node < count; node += 1) if ((waiting[node] as number) > 0) blocked.push(node);
  return { order, blocked };
}
