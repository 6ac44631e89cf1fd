// Which database each revision of a project with bindings lives on. A binding binds a branch label
// (or, for Alembic, a version location) to a connection role; a revision belongs to the role of the
// labels it carries or inherits along its chain (the labels as Alembic spreads them, `onBranches`).
// What cannot be placed on exactly one database is an anomaly, never a guess.
import type { DatabaseBinding } from '../model/project';
import { parentsOf, type RevisionGraph } from '../graph/revisionGraph';

export type BindingAnomalyKind =
  /** A revision no bound label reaches: no database would run it. */
  | 'unbound'
  /** A revision reached by labels bound to two or more databases (a merge of two branches, one shared root). */
  | 'twoDatabases'
  /** A revision whose parent or depends-on lives on another database: its database's run would apply that one there too. */
  | 'crossDatabase'
  /** A binding whose label is no branch label and no version location of the project. */
  | 'unknownLabel';

export interface BindingAnomaly {
  kind: BindingAnomalyKind;
  message: string;
  revisions: string[];
  roles: string[];
}

/** One database of the environment: a role and the labels bound to it, in the bindings' order. */
export interface BoundDatabase {
  role: string;
  labels: string[];
  /** Its revisions, in the graph's topological order. */
  revisions: string[];
  /** Its revisions no other of its revisions builds on: what an upgrade to `heads` reaches on it. */
  heads: string[];
}

export interface BindingOwnership {
  /** In the order the roles were first bound: the order of a coordinated upgrade (a downgrade goes the other way). */
  databases: BoundDatabase[];
  /** The role each placed revision lives on; a revision left out is in an anomaly. */
  owner: ReadonlyMap<string, string>;
  anomalies: BindingAnomaly[];
}

/** A version location is a folder of the project; a revision lives under it when its file does. */
function underLocation(file: string, label: string): boolean {
  const folder = label.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  return folder !== '' && file.startsWith(`${folder}/`);
}

/** The roles a revision's labels (and version location) bind it to, in the bindings' order. */
function rolesOf(graph: RevisionGraph, id: string, bindings: readonly DatabaseBinding[]): string[] {
  const labels = graph.onBranches.get(id) ?? [];
  const file = graph.byId.get(id)?.file ?? '';
  const roles: string[] = [];
  for (const b of bindings) {
    const bound = graph.labels.has(b.label) ? labels.includes(b.label) : underLocation(file, b.label);
    if (bound && !roles.includes(b.role)) roles.push(b.role);
  }
  return roles;
}

function listed(ids: readonly string[]): string {
  return ids.length <= 6 ? ids.join(', ') : `${ids.slice(0, 6).join(', ')} and ${ids.length - 6} more`;
}

export function bindingOwnership(graph: RevisionGraph, bindings: readonly DatabaseBinding[]): BindingOwnership {
  const owner = new Map<string, string>();
  const anomalies: BindingAnomaly[] = [];
  const databases: BoundDatabase[] = [];
  for (const b of bindings) {
    const known = databases.find((d) => d.role === b.role);
    if (known) known.labels.push(b.label);
    else databases.push({ role: b.role, labels: [b.label], revisions: [], heads: [] });
  }
  const order = graph.topological.length === graph.revisions.length ? graph.topological : graph.revisions.map((r) => r.id);
  const unbound: string[] = [];
  for (const id of order) {
    const roles = rolesOf(graph, id, bindings);
    if (roles.length === 0) unbound.push(id);
    else if (roles.length > 1) {
      anomalies.push({
        kind: 'twoDatabases',
        message: `Revision ${id} is on the branches of ${roles.length} databases (${roles.join(', ')}): it cannot run on one of them alone.`,
        revisions: [id],
        roles,
      });
    } else {
      const role = roles[0] as string;
      owner.set(id, role);
      (databases.find((d) => d.role === role) as BoundDatabase).revisions.push(id);
    }
  }
  if (bindings.length > 0 && unbound.length > 0) {
    anomalies.push({
      kind: 'unbound',
      message: `${unbound.length === 1 ? `Revision ${unbound[0]} is` : `${unbound.length} revisions (${listed(unbound)}) are`} on no bound branch: no database of the environment runs ${unbound.length === 1 ? 'it' : 'them'}. Bind ${unbound.length === 1 ? 'its' : 'their'} branch label with switchyard projects bind.`,
      revisions: unbound,
      roles: [],
    });
  }
  for (const b of bindings) {
    if (graph.labels.has(b.label) || graph.revisions.some((r) => underLocation(r.file, b.label))) continue;
    anomalies.push({
      kind: 'unknownLabel',
      message: `The binding of "${b.label}" to the ${b.role} database names no branch label and no version location of the project: nothing runs there for it.`,
      revisions: [],
      roles: [b.role],
    });
  }
  for (const [id, role] of owner) {
    for (const below of [...parentsOf(graph, id), ...(graph.dependencies.get(id) ?? [])]) {
      const other = owner.get(below);
      if (other === undefined || other === role) continue;
      anomalies.push({
        kind: 'crossDatabase',
        message: `Revision ${id} (${role} database) builds on ${below}, which lives on the ${other} database: a run on ${role} would apply ${below} there too.`,
        revisions: [id, below],
        roles: [role, other],
      });
    }
  }
  for (const database of databases) {
    const mine = new Set(database.revisions);
    database.heads = database.revisions.filter(
      (id) => !(graph.children.get(id) ?? []).some((c) => mine.has(c)) && !(graph.dependents.get(id) ?? []).some((d) => mine.has(d)),
    );
  }
  return { databases, owner, anomalies };
}

/**
 * The graph's anomalies as a project with bindings sees them: several heads are no anomaly when
 * each lives on its own database (one head per database is what bindings are for); kept when two
 * heads share a database, or one lives on none.
 */
export function boundGraphAnomalies<A extends { kind: string; revisions: string[] }>(anomalies: readonly A[], ownership: BindingOwnership): A[] {
  return anomalies.filter((a) => {
    if (a.kind !== 'multipleHeads') return true;
    const owners = a.revisions.map((id) => ownership.owner.get(id));
    return owners.some((o) => o === undefined) || new Set(owners).size < owners.length;
  });
}
