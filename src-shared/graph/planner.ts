// Upgrade and downgrade plans: which revisions run, in which order, from a given applied set.
// Pure, so the UI and the CLI can preview a plan without touching a database.
import { SwitchyardError } from '../errors';
import type { Plan } from '../model/revision';
import { resolveDowngradeTarget, resolveBranch, resolveUpgradeTarget } from './addressing';
import { revisionCycles } from './revisionCycles';
import { childrenOf, parentsFirst, parentsOf, withAncestors, withDescendants, type RevisionGraph } from './revisionGraph';

/** What a database records as applied, with every ancestor (Alembic's version table keeps heads only). */
export function appliedWithAncestors(graph: RevisionGraph, recorded: Iterable<string>): Set<string> {
  return withAncestors(
    graph,
    [...recorded].filter((id) => graph.byId.has(id)),
  );
}

/**
 * Applied revisions that no applied revision builds on (as a child or through depends_on): the
 * current state relative targets (`-1`, `+1`) start from, as Alembic's version table gives it.
 */
export function appliedHeads(graph: RevisionGraph, applied: ReadonlySet<string>): string[] {
  const above = (id: string) => [...childrenOf(graph, id), ...(graph.dependents.get(id) ?? [])];
  return graph.revisions.filter((r) => applied.has(r.id) && !above(r.id).some((c) => applied.has(c))).map((r) => r.id);
}

/** The given revisions, parents and depends-on always first (replays, previews). */
export function upgradeOrder(graph: RevisionGraph, ids: ReadonlySet<string>): string[] {
  return parentsFirst(graph, graph.revisions.map((r) => r.id).reverse(), { within: ids });
}

function cycleError(cycles: readonly string[][], target: string): SwitchyardError {
  const named = cycles.map((path) => path.join(' → ')).join('; ');
  return new SwitchyardError(
    'E_CYCLE',
    `Cannot plan "${target}": revisions form a cycle (${named}), so none of them can run before the others. Fix the down_revision (or depends_on) of one of them.`,
    { target, cycles: cycles.map((path) => path.slice(0, -1)) },
  );
}

/** A plan through a missing parent or a cycle would run revisions before what they need: refuse it. */
function assertPlannable(graph: RevisionGraph, ids: ReadonlySet<string>, target: string): void {
  const missing = graph.missing.find((m) => ids.has(m.revision));
  if (missing) {
    throw new SwitchyardError('E_INVALID_PROJECT', `Cannot plan "${target}": ${missing.revision} needs ${missing.missing}, which no file defines.`, {
      target,
      revision: missing.revision,
      missing: missing.missing,
    });
  }
  const sorted = new Set(graph.topological);
  const looped = [...ids].filter((id) => !sorted.has(id));
  if (looped.length === 0) return;
  // A revision above a cycle is left out of the order too; name the cycles under it, not it.
  const below = withAncestors(graph, looped);
  throw cycleError(
    revisionCycles(graph).filter((path) => path.some((id) => below.has(id))),
    target,
  );
}

/**
 * `heads` and `head` promise the whole project; a cycle that no head builds on would be left out
 * silently (the run says "up to date" while status keeps listing the cycle as pending).
 */
function assertReachesEverything(graph: RevisionGraph, target: string, applied: ReadonlySet<string>): void {
  if (target !== 'heads' && target !== 'head') return;
  const reached = withAncestors(graph, graph.heads);
  const stranded = revisionCycles(graph).filter((path) => path.some((id) => !reached.has(id) && !applied.has(id)));
  if (stranded.length > 0) throw cycleError(stranded, target);
}

/** Runs the target's unapplied ancestors (parents and depends-on), parents always first. */
export function planUpgrade(graph: RevisionGraph, target: string, applied: ReadonlySet<string>): Plan {
  assertReachesEverything(graph, target, applied);
  const targets = resolveUpgradeTarget(graph, target, appliedHeads(graph, applied));
  const needed = new Set([...withAncestors(graph, targets)].filter((id) => !applied.has(id)));
  assertPlannable(graph, needed, target);
  // One walk below all targets at once: a target per walk costs heads × revisions on a branchy project.
  const below = withAncestors(
    graph,
    targets.flatMap((t) => [...parentsOf(graph, t), ...(graph.dependencies.get(t) ?? [])]),
  );
  const overlap = targets.find((t) => below.has(t));
  if (overlap) {
    const above = targets.find((t) => t !== overlap && withAncestors(graph, [t]).has(overlap));
    throw new SwitchyardError('E_INVALID_TARGET', `"${target}" names both ${above} and its ancestor ${overlap}.`, { target });
  }
  return { steps: parentsFirst(graph, targets, { within: needed }).map((revision) => ({ revision, direction: 'up' })) };
}

/** Reverts the applied descendants of the target (and what depends on them), children always first. */
export function planDowngrade(graph: RevisionGraph, target: string, applied: ReadonlySet<string>): Plan {
  const current = appliedHeads(graph, applied);
  const { revision, branch } = resolveDowngradeTarget(graph, target, current);
  let roots = revision === null ? graph.bases : [...childrenOf(graph, revision)];
  if (branch !== null && roots.length > 1) {
    const onBranch = withAncestors(graph, [resolveBranch(graph, branch)], false);
    roots = roots.filter((r) => onBranch.has(r));
    if (roots.length === 0) throw new SwitchyardError('E_INVALID_TARGET', `"${target}" is not below anything applied on branch ${branch}.`, { target });
  }
  const active = withAncestors(graph, current);
  const reverted = new Set([...withDescendants(graph, roots)].filter((id) => active.has(id) && applied.has(id)));
  if (revision !== null && reverted.size === 0 && !current.includes(revision)) {
    throw new SwitchyardError('E_INVALID_TARGET', `"${target}" is not below the applied revisions; nothing to revert.`, { target });
  }
  assertPlannable(graph, reverted, target);
  const order = parentsFirst(graph, graph.revisions.map((r) => r.id).reverse(), { within: reverted });
  return { steps: order.reverse().map((revision) => ({ revision, direction: 'down' })) };
}
