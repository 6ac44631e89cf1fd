// A connection's applied set and its applied heads in one pass over the topological order, children
// before parents: the matrix does this for every column, where a walk per column (appliedWithAncestors,
// then appliedHeads) costs a project of 10,000 revisions a few times over. The same answers as those.
import { appliedHeads, appliedWithAncestors } from '../graph/planner';
import type { RevisionGraph } from '../graph/revisionGraph';

export interface AppliedClosure {
  /** Recorded revisions with every ancestor (parents and depends-on). */
  applied: Set<string>;
  /** Applied revisions no applied revision builds on, in reading order. */
  heads: string[];
}

const none: readonly string[] = [];
const positions = new WeakMap<RevisionGraph, Map<string, number>>();

/** Each revision's place in reading order, kept per graph. */
export function readingPositions(graph: RevisionGraph): ReadonlyMap<string, number> {
  let positionOf = positions.get(graph);
  if (!positionOf) {
    positionOf = new Map(graph.revisions.map((r, i) => [r.id, i]));
    positions.set(graph, positionOf);
  }
  return positionOf;
}

export function appliedClosure(graph: RevisionGraph, recorded: ReadonlySet<string>): AppliedClosure {
  // A revision in or above a cycle is not in the topological order: the walks handle those.
  if (graph.topological.length !== graph.revisions.length) {
    const applied = appliedWithAncestors(graph, recorded);
    return { applied, heads: appliedHeads(graph, applied) };
  }
  const applied = new Set<string>();
  const heads: string[] = [];
  const { topological, children, dependents } = graph;
  for (let i = topological.length - 1; i >= 0; i -= 1) {
    const id = topological[i] as string;
    let above = false;
    for (const child of children.get(id) ?? none) if (applied.has(child)) above = true;
    for (const dependent of dependents.get(id) ?? none) if (applied.has(dependent)) above = true;
    if (above || recorded.has(id)) {
      applied.add(id);
      if (!above) heads.push(id);
    }
  }
  const at = readingPositions(graph);
  return { applied, heads: heads.sort((a, b) => (at.get(a) as number) - (at.get(b) as number)) };
}
