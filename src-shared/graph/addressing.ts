// Turns what a user types (`head`, `heads`, `base`, an id prefix, `label@head`, `rev@head`, `+2`,
// `-1`, `rev+2`, `label@-1`) into revisions, by Alembic's rules. Pure: the current state of a
// database is passed in as the revisions it records as applied heads.
import { SwitchyardError } from '../errors';
import { childrenOf, parentsOf, sharesLineage, withAncestors, type RevisionGraph } from './revisionGraph';

/** Where a relative walk stands: a revision id, "nothing yet" (below every root), or base. */
const NONE = '';
const BASE = '@base';

// The same shape as Alembic's: optional `label@`, optional symbol, then a signed number.
const relative = /^(?:(.+?)@)?(\w+)?([+-]\d+)$/;

function invalid(message: string, target: string): SwitchyardError {
  return new SwitchyardError('E_INVALID_TARGET', message, { target });
}

/** A relative step from several applied heads would pick one of them silently: make the user name it. */
function severalHeads(target: string, heads: readonly string[], steps: string): SwitchyardError {
  const forms = heads.map((head) => `"${head}${steps}"`).join(', ');
  return new SwitchyardError(
    'E_AMBIGUOUS_REVISION',
    `"${target}" is ambiguous: the database stands at ${heads.length} heads (${heads.join(', ')}). Name the head to step from, e.g. ${forms}.`,
    { target, heads: [...heads] },
  );
}

/** A full id, a branch label, or a unique prefix (Alembic matches prefixes against ids of 4+ characters). */
export function revisionFor(graph: RevisionGraph, ident: string, branch: string | null = null): string {
  const branchRevision = branch === null ? null : resolveBranch(graph, branch);
  let id = graph.byId.has(ident) ? ident : graph.labels.get(ident);
  if (id === undefined) {
    const keys = [...graph.byId.keys(), ...graph.labels.keys()].filter((key) => key.length > 3 && key.startsWith(ident));
    let matches = [...new Set(keys.map((key) => (graph.byId.has(key) ? key : (graph.labels.get(key) as string))))];
    if (branchRevision !== null) matches = matches.filter((m) => sharesLineage(graph, m, branchRevision));
    if (matches.length === 0) {
      const hint = ident.length < 4 ? '; give at least four characters of a revision id' : '';
      throw new SwitchyardError('E_UNKNOWN_REVISION', `No revision or branch "${ident}"${hint}.`, { target: ident });
    }
    if (matches.length > 1) {
      throw new SwitchyardError('E_AMBIGUOUS_REVISION', `"${ident}" is ambiguous: ${matches.join(', ')} all start with it.`, {
        target: ident,
        candidates: matches,
      });
    }
    id = matches[0] as string;
  }
  if (branchRevision !== null && !sharesLineage(graph, id, branchRevision)) {
    throw new SwitchyardError('E_UNKNOWN_REVISION', `Revision ${id} is not on branch "${branch}".`, { target: ident });
  }
  return id;
}

/** A branch is named by a label, or by any revision on it (`rev@head`). */
export function resolveBranch(graph: RevisionGraph, branch: string): string {
  const labelled = graph.labels.get(branch);
  if (labelled !== undefined) return labelled;
  try {
    return revisionFor(graph, branch);
  } catch (error) {
    if (error instanceof SwitchyardError && error.code === 'E_UNKNOWN_REVISION') {
      throw new SwitchyardError('E_UNKNOWN_REVISION', `No branch "${branch}".`, { target: branch });
    }
    throw error;
  }
}

function headsOn(graph: RevisionGraph, branch: string | null): string[] {
  if (branch === null) return graph.heads;
  const on = resolveBranch(graph, branch);
  return graph.heads.filter((h) => sharesLineage(graph, h, on));
}

function currentHead(graph: RevisionGraph, branch: string | null): string | null {
  const heads = headsOn(graph, branch);
  if (heads.length > 1) {
    const name = branch === null ? 'head' : `${branch}@head`;
    throw new SwitchyardError('E_MULTIPLE_HEADS', `"${name}" is ambiguous: there are ${heads.length} heads (${heads.join(', ')}). Name one, or use "heads".`, {
      target: name,
      heads,
    });
  }
  return heads[0] ?? null;
}

/** Alembic's get_revisions: the revisions an absolute target names; none means base. */
function absoluteTargets(graph: RevisionGraph, target: string): string[] {
  // An id that holds an @ itself (sqitch's reworked `change@tag`) names that revision, never label@rev.
  if (graph.byId.has(target)) return [target];
  const at = target.indexOf('@');
  const branch = at === -1 ? null : target.slice(0, at);
  const symbol = at === -1 ? target : target.slice(at + 1);
  if (symbol === 'heads') return branch === null ? graph.realHeads : headsOn(graph, branch);
  if (symbol === 'head') {
    const head = currentHead(graph, branch);
    return head === null ? [] : [head];
  }
  if (symbol === 'base' || symbol === '') return [];
  return [revisionFor(graph, symbol, branch)];
}

/** Alembic's get_revision: one revision, or NONE for base. */
function oneRevision(graph: RevisionGraph, target: string): string {
  const ids = absoluteTargets(graph, target);
  if (ids.length > 1)
    throw new SwitchyardError('E_MULTIPLE_HEADS', `"${target}" names ${ids.length} revisions (${ids.join(', ')}); name one.`, { target, heads: ids });
  return ids[0] ?? NONE;
}

function walk(graph: RevisionGraph, start: string, steps: number, branch: string | null, target: string): string {
  const on = branch === null ? null : revisionFor(graph, branch);
  let at = start;
  for (let i = 0; i < Math.abs(steps); i += 1) {
    let next: readonly string[];
    if (steps > 0) {
      next = at === NONE ? graph.bases : childrenOf(graph, at);
      if (on !== null) next = next.filter((id) => sharesLineage(graph, id, on));
    } else if (at === BASE) next = [];
    else {
      next = at === NONE ? graph.heads : parentsOf(graph, at);
      if (next.length === 0) next = [BASE];
    }
    if (next.length === 0) throw invalid(`"${target}" walks past the end of the graph.`, target);
    if (next.length > 1) throw invalid(`"${target}" is ambiguous: the walk reaches a fork (${next.join(', ')}).`, target);
    at = next[0] as string;
  }
  return at;
}

function onBranch(graph: RevisionGraph, ids: readonly string[], branch: string): string[] {
  const on = revisionFor(graph, branch);
  return ids.filter((id) => sharesLineage(graph, id, on));
}

/**
 * The revisions an upgrade to `target` must reach, given the applied heads `current`.
 * An empty list means base (nothing to run).
 */
export function resolveUpgradeTarget(graph: RevisionGraph, target: string, current: readonly string[]): string[] {
  const match = relative.exec(target);
  if (!match) return absoluteTargets(graph, target);
  const branch = match[1] ?? null;
  const symbol = match[2] ?? null;
  const steps = Number(match[3]);
  let reached: string;
  if (steps > 0 && symbol === null) {
    let start: readonly string[] = current.length === 0 ? [NONE] : current;
    if (branch !== null) {
      start = onBranch(graph, current, branch);
      if (start.length === 0) {
        // The branch is not among the applied heads: start from its highest applied revision.
        const active = onBranch(graph, [...withAncestors(graph, current)], branch);
        const below = new Set(active.flatMap((id) => [...parentsOf(graph, id), ...(graph.dependencies.get(id) ?? [])]));
        start = active.filter((id) => !below.has(id));
        if (start.length === 0) start = [NONE];
      }
    }
    if (start.length > 1) throw severalHeads(target, start, match[3] as string);
    reached = walk(graph, start[0] as string, steps, branch, target);
  } else if (steps > 0) {
    reached = walk(graph, oneRevision(graph, symbol as string), steps, branch, target);
  } else {
    if (symbol === null) throw invalid(`"${target}" goes down; an upgrade needs a revision above the current one.`, target);
    reached = walk(graph, oneRevision(graph, branch === null ? symbol : `${branch}@${symbol}`), steps, null, target);
  }
  return reached === BASE || reached === NONE ? [] : [reached];
}

export interface DowngradeTarget {
  /** The revision to keep (everything above it goes); null for base. */
  revision: string | null;
  /** The branch named by `label@...`, limiting which roots a downgrade to base unwinds. */
  branch: string | null;
}

/** Where a downgrade to `target` stops, given the applied heads `current`. */
export function resolveDowngradeTarget(graph: RevisionGraph, target: string, current: readonly string[]): DowngradeTarget {
  const match = relative.exec(target);
  if (!match) {
    if (graph.byId.has(target)) return { revision: target, branch: null };
    const at = target.lastIndexOf('@');
    const revision = oneRevision(graph, at === -1 ? target : target.slice(at + 1));
    return { revision: revision === NONE ? null : revision, branch: at === -1 ? null : target.slice(0, at) };
  }
  let branch = match[1] ?? null;
  let symbol = match[2] ?? null;
  const steps = Number(match[3]);
  let reached: string;
  if (steps >= 0) {
    if (symbol === null) throw invalid(`"${target}" goes up; a downgrade needs a revision below the current one.`, target);
    reached = walk(graph, oneRevision(graph, symbol), steps, branch, target);
  } else {
    if (symbol === null) {
      if (branch !== null) {
        let candidates = onBranch(graph, current, branch);
        if (candidates.length === 0) {
          // No applied head is on the branch: look for its highest applied revision.
          const all = withAncestors(graph, current);
          const tips = [...all].filter((id) => !childrenOf(graph, id).some((c) => all.has(c)));
          candidates = onBranch(graph, tips, branch);
        }
        if (candidates.length === 0) throw invalid(`"${target}": nothing on that branch is applied.`, target);
        if (candidates.length > 1) throw severalHeads(target, candidates, match[3] as string);
        symbol = candidates[0] as string;
      } else {
        if (current.length === 0) throw invalid(`"${target}": nothing is applied to go down from.`, target);
        if (current.length > 1) throw severalHeads(target, current, match[3] as string);
        symbol = current[0] as string;
        branch = symbol;
      }
    }
    reached = walk(graph, oneRevision(graph, branch === null ? symbol : `${branch}@${symbol}`), steps, null, target);
  }
  return { revision: reached === BASE || reached === NONE ? null : reached, branch };
}
