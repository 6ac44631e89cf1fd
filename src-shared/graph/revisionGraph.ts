// The revision graph, the one revision map of every process: built once from the revisions a reader
// found (or a graph report carries), then queried by pure functions (parents, children, heads, bases,
// ancestors, lineage, the depth-first walk) from the planner, addressing, anomalies, the ASCII graph
// and the screen's filters. Follows Alembic's definitions, and never throws on a broken project:
// missing parents and cycles are left for anomalies.ts to report.
import type { Revision } from '../model/revision';
import { topologicalOrder } from './topologicalOrder';

export interface MissingReference {
  revision: string;
  missing: string;
  via: 'parent' | 'dependsOn';
}

export interface RevisionGraph {
  /** One revision per id, in reading order (the first file wins a duplicate id). */
  revisions: Revision[];
  byId: Map<string, Revision>;
  /** Files that define an id already taken. */
  duplicates: Revision[];
  /** Revisions naming each revision as a parent (Alembic's nextrev). */
  children: Map<string, string[]>;
  /** depends_on resolved to revision ids (an entry may name a branch label). */
  dependencies: Map<string, string[]>;
  /** Revisions that depend on each revision. */
  dependents: Map<string, string[]>;
  missing: MissingReference[];
  /** Each declared branch label and the revision that declares it (the first, if declared twice). */
  labels: Map<string, string>;
  /** Labels spread as Alembic spreads them: to descendants, and down to the nearest branch or merge point. */
  onBranches: Map<string, string[]>;
  /** Revisions no other revision names as a parent (`alembic heads`). */
  heads: string[];
  /** Revisions with no parent. */
  bases: string[];
  /** Heads that nothing depends on either: what `heads` means as an upgrade target. */
  realHeads: string[];
  /** Heads that only a depends_on points at: Alembic's "(effective head)". */
  effectiveHeads: string[];
  branchPoints: string[];
  mergePoints: string[];
  /** Parents and depends-on first, otherwise in reading order; a revision in or above a cycle is left out. */
  topological: string[];
}

function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const none: readonly string[] = [];

export function childrenOf(graph: RevisionGraph, id: string): readonly string[] {
  return graph.children.get(id) ?? none;
}

/** Parents that exist, in declared order. */
export function parentsOf(graph: RevisionGraph, id: string): readonly string[] {
  const parents = graph.byId.get(id)?.parents;
  if (parents === undefined) return none;
  // Nearly always every parent exists: the revision's own list then serves, without a copy.
  for (const parent of parents) if (!graph.byId.has(parent)) return parents.filter((p) => graph.byId.has(p));
  return parents;
}

function walk(start: Iterable<string>, next: (id: string) => Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const todo = [...start];
  while (todo.length > 0) {
    const id = todo.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const n of next(id)) if (!seen.has(n)) todo.push(n);
  }
  return seen;
}

/** The given revisions and everything below them (parents, and depends-on unless told otherwise). */
export function withAncestors(graph: RevisionGraph, ids: Iterable<string>, dependencies = true): Set<string> {
  return walk(ids, (id) => (dependencies ? [...parentsOf(graph, id), ...(graph.dependencies.get(id) ?? none)] : parentsOf(graph, id)));
}

/** The given revisions and everything above them (children, and dependents unless told otherwise). */
export function withDescendants(graph: RevisionGraph, ids: Iterable<string>, dependencies = true): Set<string> {
  return walk(ids, (id) => (dependencies ? [...childrenOf(graph, id), ...(graph.dependents.get(id) ?? none)] : childrenOf(graph, id)));
}

/** Alembic's lineage test: `other` is an ancestor or a descendant of `id` (parents only). */
export function sharesLineage(graph: RevisionGraph, id: string, other: string): boolean {
  return withAncestors(graph, [id], false).has(other) || withDescendants(graph, [id], false).has(other);
}

/**
 * The depth-first walk: from each of `from` in turn, down through parents (and depends-on unless
 * told otherwise), never leaving `within`. Each revision comes after everything below it the walk
 * reaches, and one branch's revisions stay together. A cycle is cut where the walk re-enters it.
 */
export function parentsFirst(
  graph: RevisionGraph,
  from: Iterable<string>,
  { dependencies = true, within }: { dependencies?: boolean; within?: ReadonlySet<string> } = {},
): string[] {
  const order: string[] = [];
  const entered = new Set<string>();
  const stack: Array<{ id: string; below: readonly string[]; i: number }> = [];
  const enter = (id: string) => {
    entered.add(id);
    const below = dependencies ? [...parentsOf(graph, id), ...(graph.dependencies.get(id) ?? none)] : parentsOf(graph, id);
    stack.push({ id, below: within === undefined ? below : below.filter((p) => within.has(p)), i: 0 });
  };
  for (const start of from) {
    if (entered.has(start) || !graph.byId.has(start) || (within !== undefined && !within.has(start))) continue;
    enter(start);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as (typeof stack)[number];
      const below = frame.below[frame.i];
      frame.i += 1;
      if (below === undefined) {
        stack.pop();
        order.push(frame.id);
      } else if (!entered.has(below)) enter(below);
    }
  }
  return order;
}

/** `current` with `labels` added, copy-on-write: revisions on one linear stretch share a single label array. */
function withLabels(current: readonly string[] | undefined, labels: readonly string[]): readonly string[] | undefined {
  const have = current ?? none;
  const added = labels.filter((label, i) => !have.includes(label) && labels.indexOf(label) === i);
  return added.length > 0 ? [...have, ...added] : current;
}

/** `parentsAt[i]`: positions of the distinct parents of the revision at position i that exist. */
function spreadLabels(
  graph: RevisionGraph,
  order: readonly number[],
  parentsAt: ReadonlyArray<readonly number[]>,
  positionOf: ReadonlyMap<string, number>,
): void {
  if (graph.labels.size === 0) return;
  const { revisions } = graph;
  const labelsAt: Array<readonly string[] | undefined> = new Array(revisions.length);
  // Up: every descendant (through parents) carries the labels of the revisions below it. A revision
  // with one parent and no label of its own shares its parent's array instead of copying it.
  for (const position of order) {
    const own = (revisions[position] as Revision).branchLabels;
    const parents = parentsAt[position] as readonly number[];
    if (own.length === 0 && parents.length === 1) {
      labelsAt[position] = labelsAt[parents[0] as number];
      continue;
    }
    const labels = [...own];
    for (const parent of parents) labels.push(...(labelsAt[parent] ?? none));
    if (labels.length > 0) labelsAt[position] = withLabels(undefined, labels);
  }
  const isRealBranchPoint = (id: string) => childrenOf(graph, id).length + (graph.dependents.get(id)?.length ?? 0) > 1;
  // Down: to the nearest branch or merge point. Alembic starts this walk from a descendant it
  // happens to visit last; we start from the labelled revision itself, which is the same on every
  // linear branch and does not depend on set order. A walk that comes round a cycle stops there.
  revisions.forEach((revision, position) => {
    if (revision.branchLabels.length === 0) return;
    const walked = new Set<number>();
    for (let down: number | undefined = position; down !== undefined && !walked.has(down);) {
      const { id, parents } = revisions[down] as Revision;
      if (isRealBranchPoint(id) || parents.length > 1) break;
      walked.add(down);
      labelsAt[down] = withLabels(labelsAt[down], revision.branchLabels);
      down = parents[0] === undefined ? undefined : positionOf.get(parents[0]);
    }
  });
  labelsAt.forEach((labels, position) => {
    if (labels) graph.onBranches.set((revisions[position] as Revision).id, labels as string[]);
  });
}

export function buildGraph(all: readonly Revision[]): RevisionGraph {
  const graph: RevisionGraph = {
    revisions: [],
    byId: new Map(),
    duplicates: [],
    children: new Map(),
    dependencies: new Map(),
    dependents: new Map(),
    missing: [],
    labels: new Map(),
    onBranches: new Map(),
    heads: [],
    bases: [],
    realHeads: [],
    effectiveHeads: [],
    branchPoints: [],
    mergePoints: [],
    topological: [],
  };
  // Positions in reading order: the edges are kept as positions while the graph is built.
  const positionOf = new Map<string, number>();
  for (const revision of all) {
    if (positionOf.has(revision.id)) {
      graph.duplicates.push(revision);
      continue;
    }
    positionOf.set(revision.id, graph.revisions.length);
    graph.byId.set(revision.id, revision);
    graph.revisions.push(revision);
    for (const label of revision.branchLabels) if (!graph.labels.has(label)) graph.labels.set(label, revision.id);
  }
  const parentsAt: number[][] = [];
  // What each revision stands on: its parents, then what it depends on.
  const belowAt: number[][] = [];
  for (const revision of graph.revisions) {
    const parents: number[] = [];
    revision.parents.forEach((parent, i) => {
      // A parent named twice is one edge.
      if (revision.parents.indexOf(parent) !== i) return;
      const position = positionOf.get(parent);
      if (position === undefined) graph.missing.push({ revision: revision.id, missing: parent, via: 'parent' });
      else {
        parents.push(position);
        pushTo(graph.children, parent, revision.id);
      }
    });
    parentsAt.push(parents);
    if (revision.dependsOn.length === 0) {
      belowAt.push(parents);
      continue;
    }
    const below = [...parents];
    const resolved: string[] = [];
    for (const name of revision.dependsOn) {
      // Like Alembic, depends_on may name a revision or a branch label.
      const target = graph.byId.has(name) ? name : graph.labels.get(name);
      if (target === undefined) graph.missing.push({ revision: revision.id, missing: name, via: 'dependsOn' });
      else if (!resolved.includes(target)) {
        resolved.push(target);
        below.push(positionOf.get(target) as number);
        pushTo(graph.dependents, target, revision.id);
      }
    }
    if (resolved.length > 0) graph.dependencies.set(revision.id, resolved);
    belowAt.push(below);
  }
  for (const { id, parents } of graph.revisions) {
    const children = childrenOf(graph, id).length;
    if (children === 0) graph.heads.push(id);
    if (children === 0) (graph.dependents.has(id) ? graph.effectiveHeads : graph.realHeads).push(id);
    if (parents.length === 0) graph.bases.push(id);
    if (children > 1) graph.branchPoints.push(id);
    if (parents.length > 1) graph.mergePoints.push(id);
  }
  // Parents and depends-on first; a revision in or above a cycle is left out.
  const { order } = topologicalOrder(graph.revisions.length, (position) => belowAt[position] as number[]);
  graph.topological = order.map((position) => (graph.revisions[position] as Revision).id);
  spreadLabels(graph, order, parentsAt, positionOf);
  return graph;
}
