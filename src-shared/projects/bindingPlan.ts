// A target typed for a whole environment of a project with bindings (`heads`, `auth@head`,
// `specs@-1`, `base`, a revision) split into what each bound database runs: `heads` is every
// database's own heads, `base` every database down to its base, and a branch or a revision only its
// own database. A relative step without a branch would pick a database silently: refused.
import { SwitchyardError } from '../errors';
import { revisionFor, resolveBranch } from '../graph/addressing';
import type { RevisionGraph } from '../graph/revisionGraph';
import type { BindingOwnership, BoundDatabase } from './bindingOwnership';

export type BoundAction = 'upgrade' | 'downgrade';

/** What one database runs: each of `targets` in turn (several heads), or nothing when the target is not on it. */
export interface DatabasePlan {
  role: string;
  labels: string[];
  targets: string[];
}

export interface BoundPlan {
  action: BoundAction;
  target: string;
  /** In run order: the bindings' order for an upgrade, the reverse for a downgrade. */
  databases: DatabasePlan[];
}

// The same shape as the runner's addressing: optional `label@`, optional symbol, then a signed number.
const relative = /^(?:(.+?)@)?(\w+)?([+-]\d+)$/;

/** The database a branch (a bound label, a declared label, or a revision on it) lives on. */
function databaseOfBranch(graph: RevisionGraph, ownership: BindingOwnership, branch: string, target: string): BoundDatabase {
  const bound = ownership.databases.find((d) => d.labels.includes(branch));
  if (bound) return bound;
  return databaseOfRevision(ownership, resolveBranch(graph, branch), target);
}

function databaseOfRevision(ownership: BindingOwnership, revision: string, target: string): BoundDatabase {
  const role = ownership.owner.get(revision);
  const database = role === undefined ? undefined : ownership.databases.find((d) => d.role === role);
  if (!database) {
    throw new SwitchyardError(
      'E_BINDING_ANOMALY',
      `"${target}" names ${revision}, which lives on no single bound database (see the project's binding anomalies). Nothing was run.`,
      { target, revision },
    );
  }
  return database;
}

/** Each database's own targets: a whole-environment symbol, or the one database the target is on. */
function targetsByRole(graph: RevisionGraph, ownership: BindingOwnership, target: string): Map<string, string[]> {
  const all = (each: (d: BoundDatabase) => string[]) => new Map(ownership.databases.map((d) => [d.role, each(d)]));
  if (target === 'heads') return all((d) => d.heads);
  if (target === 'head') {
    const several = ownership.databases.find((d) => d.heads.length > 1);
    if (several) {
      throw new SwitchyardError(
        'E_MULTIPLE_HEADS',
        `"head" is ambiguous on the ${several.role} database: it has ${several.heads.length} heads (${several.heads.join(', ')}). Use "heads", or name one.`,
        { target, heads: several.heads },
      );
    }
    return all((d) => d.heads);
  }
  if (target === 'base') return all(() => ['base']);
  const only = (database: BoundDatabase) => new Map([[database.role, [target]]]);
  const match = relative.exec(target);
  if (match) {
    const [, branch, symbol] = match;
    if (branch !== undefined) return only(databaseOfBranch(graph, ownership, branch, target));
    if (symbol !== undefined && symbol !== 'head' && symbol !== 'heads' && symbol !== 'base')
      return only(databaseOfRevision(ownership, revisionFor(graph, symbol), target));
    const forms = ownership.databases.map((d) => `"${d.labels[0]}@${match[3]}"`).join(', ');
    throw new SwitchyardError(
      'E_AMBIGUOUS_REVISION',
      `"${target}" does not say which database to step on: the environment has ${ownership.databases.length} (${ownership.databases.map((d) => d.role).join(', ')}). Name the branch, e.g. ${forms}.`,
      { target },
    );
  }
  // An id holding an @ itself (sqitch's `change@tag`) names that revision, never label@symbol.
  if (graph.byId.has(target)) return only(databaseOfRevision(ownership, target, target));
  const at = target.indexOf('@');
  if (at > 0) return only(databaseOfBranch(graph, ownership, target.slice(0, at), target));
  return only(databaseOfRevision(ownership, revisionFor(graph, target), target));
}

/**
 * The plan of a coordinated run. Refused while a revision cannot be placed on exactly one database
 * (E_BINDING_ANOMALY naming them): an upgrade would skip it or run it twice, so nothing is guessed.
 */
export function boundPlan(graph: RevisionGraph, ownership: BindingOwnership, action: BoundAction, target: string): BoundPlan {
  if (ownership.databases.length === 0) {
    throw new SwitchyardError('E_INVALID_INPUT', 'The project binds no branch label to a database, so there is nothing to run per database.');
  }
  const blocking = ownership.anomalies.filter((a) => a.kind !== 'unknownLabel');
  if (blocking.length > 0) {
    throw new SwitchyardError('E_BINDING_ANOMALY', `The ${action} to "${target}" was not run on any database: ${blocking.map((a) => a.message).join(' ')}`, {
      anomalies: blocking,
    });
  }
  const targets = targetsByRole(graph, ownership, target);
  const ordered = action === 'upgrade' ? ownership.databases : [...ownership.databases].reverse();
  return {
    action,
    target,
    databases: ordered.map((d) => ({ role: d.role, labels: [...d.labels], targets: targets.get(d.role) ?? [] })),
  };
}
