// The graph of a project with bindings: which database each revision lives on, for the open
// connection's environment (the role, and the connection playing it there), and what lives on none.
// Pure, from the projects and connections the sidebar already read and the graph's own revisions.
import { buildGraph } from '../../../src-shared/graph/revisionGraph';
import type { Profile } from '../../../src-shared/model/profile';
import type { Project } from '../../../src-shared/model/project';
import type { Revision } from '../../../src-shared/model/revision';
import { bindingOwnership, type BindingAnomaly } from '../../../src-shared/projects/bindingOwnership';

/** How many distinct swatches the stylesheet has; more databases reuse them (the tag's words still tell them apart). */
export const swatchCount = 6;

export interface LegendDatabase {
  role: string;
  labels: string[];
  /** The connection playing the role in the open connection's environment; null when none does. */
  connection: string | null;
  swatch: number;
  revisions: number;
}

export interface BindingLegend {
  project: string;
  environment: string;
  databases: LegendDatabase[];
  databaseOf: ReadonlyMap<string, LegendDatabase>;
  /** Revisions on no bound database, or on two, and bindings that name nothing: said, never coloured by guess. */
  anomalies: BindingAnomaly[];
  /** Revisions no database runs (on none, or on two). */
  unplaced: ReadonlySet<string>;
}

/** The legend for the open connection, or undefined when it is in no project with bindings. */
export function bindingLegendOf(
  projects: readonly Project[] | undefined,
  profiles: readonly Profile[],
  profileId: string,
  revisions: readonly Revision[],
): BindingLegend | undefined {
  for (const project of projects ?? []) {
    if (project.bindings.length === 0) continue;
    const environment = project.environments.find((e) => e.members.some((m) => m.profileId === profileId));
    if (!environment) continue;
    const ownership = bindingOwnership(buildGraph(revisions), project.bindings);
    const databases = ownership.databases.map((d, i) => {
      const member = environment.members.find((m) => m.role.toLowerCase() === d.role.toLowerCase());
      const connection = member ? (profiles.find((p) => p.id === member.profileId)?.name ?? null) : null;
      return { role: d.role, labels: d.labels, connection, swatch: i % swatchCount, revisions: d.revisions.length };
    });
    const databaseOf = new Map<string, LegendDatabase>();
    for (const [id, role] of ownership.owner) {
      const database = databases.find((d) => d.role === role);
      if (database) databaseOf.set(id, database);
    }
    const unplaced = new Set(revisions.map((r) => r.id).filter((id) => !ownership.owner.has(id)));
    return { project: project.name, environment: environment.name, databases, databaseOf, anomalies: ownership.anomalies, unplaced };
  }
  return undefined;
}
