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
  const waiting = new Int32Array(count);
  const above: Array<number[] | undefined> = new Array(count);
  // The last node that listed each position: a position listed twice by one node counts once.
  const listedBy = new Int32Array(count).fill(-1);
  const ready = new ReadyNodes();
  for (let node = 0; node < count; node += 1) {
    const unders = below(node);
    for (let i = 0; i < unders.length; i += 1) {
      const under = unders[i] as number;
      if (listedBy[under] === node) continue;
      listedBy[under] = node;
      waiting[node] = (waiting[node] as number) + 1;
      const list = above[under];
      if (list === undefined) above[under] = [node];
      else list.push(node);
    }
    if (waiting[node] === 0) ready.push(node);
  }
  const order: number[] = [];
  while (ready.size > 0) {
    const node = ready.takeFirst();
    order.push(node);
    const nexts = above[node];
    if (nexts === undefined) continue;
    for (let i = 0; i < nexts.length; i += 1) {
      const next = nexts[i] as number;
      waiting[next] = (waiting[next] as number) - 1;
      if (waiting[next] === 0) ready.push(next);
    }
  }
  const blocked: number[] = [];
  if (order.length < count) for (let node = 0; node < count; node += 1) if ((waiting[node] as number) > 0) blocked.push(node);
  return { order, blocked };
}
