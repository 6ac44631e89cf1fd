// The revision graph, the one revision map of every process: built once from the revisions a reader
// found (or a graph report carries), then queried by pure functions (parents, children, heads, bases,
// ancestors, lineage, the depth-first walk) from the planner, addressing, anomalies, the ASCII graph
// and the screen's filters. Follows Alembic's definitions, and never throws on a broken project:
// missing parents and cycles are left for anomalies.ts to report.
import type { Revision } from '../model/revision';
import { topologicalOrderOf } from './topologicalOrder';

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

/** The parents of the revision at position `p` that exist, once each: `parentList[parentStart[p]] … parentList[parentStart[p + 1] - 1]`. */
interface ParentPositions {
  parentStart: Int32Array;
  parentList: readonly number[];
}

function spreadLabels(
  graph: RevisionGraph,
  order: readonly number[],
  { parentStart, parentList }: ParentPositions,
  positionOf: ReadonlyMap<string, number>,
): void {
  if (graph.labels.size === 0) return;
  const { revisions } = graph;
  const labelsAt: Array<readonly string[] | undefined> = new Array(revisions.length);
  // Up: every descendant (through parents) carries the labels of the revisions below it. A revision
  // with one parent and no label of its own shares its parent's array instead of copying it.
  for (let i = 0; i < order.length; i += 1) {
    const position = order[i] as number;
    const own = (revisions[position] as Revision).branchLabels;
    const first = parentStart[position] as number;
    const end = parentStart[position + 1] as number;
    if (own.length === 0 && end - first === 1) {
      labelsAt[position] = labelsAt[parentList[first] as number];
      continue;
    }
    const labels = [...own];
    for (let p = first; p < end; p += 1) labels.push(...(labelsAt[parentList[p] as number] ?? none));
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
  for (let position = 0; position < labelsAt.length; position += 1) {
    const labels = labelsAt[position];
    if (labels) graph.onBranches.set((revisions[position] as Revision).id, labels as string[]);
  }
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
  const { revisions, byId, children, dependents, labels } = graph;
  // Positions in reading order: the edges are kept as positions, laid out flat, while the graph is
  // built (thousands of revisions, most with one parent: no array per revision).
  const positionOf = new Map<string, number>();
  for (let i = 0; i < all.length; i += 1) {
    const revision = all[i] as Revision;
    const { id } = revision;
    if (positionOf.has(id)) {
      graph.duplicates.push(revision);
      continue;
    }
    positionOf.set(id, revisions.length);
    byId.set(id, revision);
    revisions.push(revision);
    const declared = revision.branchLabels;
    for (let l = 0; l < declared.length; l += 1) if (!labels.has(declared[l] as string)) labels.set(declared[l] as string, id);
  }
  const count = revisions.length;
  const parentStart = new Int32Array(count + 1);
  const parentList: number[] = [];
  // What each revision stands on: its parents, then what it depends on.
  const belowStart = new Int32Array(count + 1);
  const belowList: number[] = [];
  for (let position = 0; position < count; position += 1) {
    const revision = revisions[position] as Revision;
    const { id, parents, dependsOn } = revision;
    for (let i = 0; i < parents.length; i += 1) {
      const parent = parents[i] as string;
      // A parent named twice is one edge.
      if (i > 0 && parents.indexOf(parent) !== i) continue;
      const at = positionOf.get(parent);
      if (at === undefined) graph.missing.push({ revision: id, missing: parent, via: 'parent' });
      else {
        parentList.push(at);
        belowList.push(at);
        const list = children.get(parent);
        if (list) list.push(id);
        else children.set(parent, [id]);
      }
    }
    parentStart[position + 1] = parentList.length;
    if (dependsOn.length > 0) {
      const resolved: string[] = [];
      for (const name of dependsOn) {
        // Like Alembic, depends_on may name a revision or a branch label.
        const target = byId.has(name) ? name : labels.get(name);
        if (target === undefined) graph.missing.push({ revision: id, missing: name, via: 'dependsOn' });
        else if (!resolved.includes(target)) {
          resolved.push(target);
          belowList.push(positionOf.get(target) as number);
          pushTo(dependents, target, id);
        }
      }
      if (resolved.length > 0) graph.dependencies.set(id, resolved);
    }
    belowStart[position + 1] = belowList.length;
  }
  for (let position = 0; position < count; position += 1) {
    const { id, parents } = revisions[position] as Revision;
    const childCount = children.get(id)?.length ?? 0;
    if (childCount === 0) {
      graph.heads.push(id);
      (dependents.has(id) ? graph.effectiveHeads : graph.realHeads).push(id);
    } else if (childCount > 1) graph.branchPoints.push(id);
    if (parents.length === 0) graph.bases.push(id);
    if (parents.length > 1) graph.mergePoints.push(id);
  }
  // Parents and depends-on first; a revision in or above a cycle is left out.
  const { order } = topologicalOrderOf(count, belowStart, belowList);
  const topological: string[] = new Array(order.length);
  for (let i = 0; i < order.length; i += 1) topological[i] = (revisions[order[i] as number] as Revision).id;
  graph.topological = topological;
  spreadLabels(graph, order, { parentStart, parentList }, positionOf);
  return graph;
}
