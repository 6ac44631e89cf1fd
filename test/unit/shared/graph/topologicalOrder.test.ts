import { describe, expect, it } from 'vitest';
import { topologicalOrder } from '../../../../src-shared/graph/topologicalOrder';

// Nodes by position; each list names the positions the node stands on.
const orderOf = (below: number[][]) => topologicalOrder(below.length, (node) => below[node] ?? []);

describe('the topological order', () => {
  it('keeps the reading order wherever what a node stands on allows', () => {
    expect(orderOf([[], [0], [0], [1, 2]])).toEqual({ order: [0, 1, 2, 3], blocked: [] });
  });

  it('moves a node read before its parent to just after it, and nothing else', () => {
    // 0 stands on 3: it waits for 3, and 1 and 2 keep their places.
    expect(orderOf([[3], [], [1], []]).order).toEqual([1, 2, 3, 0]);
  });

  it('takes the node read first among several that become ready together', () => {
    // 3 unblocks 0 and 2; 0 was read first.
    expect(orderOf([[3], [], [3], [1]]).order).toEqual([1, 3, 0, 2]);
  });

  it('counts a parent named twice once', () => {
    expect(orderOf([[], [0, 0]])).toEqual({ order: [0, 1], blocked: [] });
  });

  it('leaves nodes in or above a cycle out of the order and names them, in reading order', () => {
    expect(orderOf([[], [2], [1], [2], [0]])).toEqual({ order: [0, 4], blocked: [1, 2, 3] });
    expect(orderOf([[0]])).toEqual({ order: [], blocked: [0] });
  });
});
