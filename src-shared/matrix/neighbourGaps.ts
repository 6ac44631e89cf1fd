// What an environment lacks of the one before it in promotion order, in plan order, and whether
// getting there is a plain upgrade or needs a downgrade first. The matrix shows one per pair of
// neighbours; a promotion plans each connection of the next environment with the same rule.
import { parentsFirst, type RevisionGraph } from '../graph/revisionGraph';
import type { GapKind } from '../model/matrix';
import { readingPositions } from './appliedClosure';

export interface GapPlan {
  /** In `has` and not in `lacks`, in the order an upgrade runs them. */
  toApply: string[];
  /** In `lacks` and not in `has`, children first (the order a downgrade runs them). */
  toRevert: string[];
  kind: Exclude<GapKind, 'unknown'>;
}

/** What every one of `sets` holds (an environment's connections all have it). */
export function heldByAll(sets: readonly ReadonlySet<string>[]): ReadonlySet<string> {
  const [first, ...rest] = sets;
  if (!first) return new Set();
  if (rest.length === 0) return first;
  return new Set([...first].filter((id) => rest.every((set) => set.has(id))));
}

/**
 * upgradeOrder(graph, ids) without a pass over the whole project: the same walk started from the
 * same revisions (the set's, newest read first), so a gap of a few revisions in a project of
 * thousands costs a few steps, for each pair of neighbours and each connection of a promotion.
 */
export function orderWithin(graph: RevisionGraph, ids: ReadonlySet<string>): string[] {
  if (ids.size === 0) return [];
  const at = readingPositions(graph);
  const starts = [...ids].filter((id) => at.has(id)).sort((a, b) => (at.get(b) as number) - (at.get(a) as number));
  return parentsFirst(graph, starts, { within: ids });
}

/** What any one of `sets` holds. */
export function heldByAny(sets: readonly ReadonlySet<string>[]): Set<string> {
  const all = new Set<string>();
  for (const set of sets) for (const id of set) all.add(id);
  return all;
}

/**
 * The plan that makes a database holding `here` hold exactly `wanted`: what `wanted` has and `here`
 * lacks, and what `here` has beyond `wanted`. Only revisions the files define are planned.
 */
export function gapPlan(graph: RevisionGraph, wanted: ReadonlySet<string>, here: ReadonlySet<string>): GapPlan {
  const apply = new Set<string>();
  for (const id of wanted) if (!here.has(id) && graph.byId.has(id)) apply.add(id);
  const revert = new Set<string>();
  for (const id of here) if (!wanted.has(id) && graph.byId.has(id)) revert.add(id);
  const toApply = orderWithin(graph, apply);
  const toRevert = orderWithin(graph, revert).reverse();
  const kind = toRevert.length > 0 ? 'downgradeFirst' : toApply.length > 0 ? 'upgrade' : 'level';
  return { toApply, toRevert, kind };
}
