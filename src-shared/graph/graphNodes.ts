// The graph screen's nodes from a graph report: revisions (optionally only some of them), plus a
// ghost node for every parent no file defines, so a missing parent is drawn where it is missed.
import type { GraphReport } from '../model/revision';
import type { LaneNode } from './laneLayout';

export interface GraphNode extends LaneNode {
  ghost: boolean;
}

export function graphNodes(report: GraphReport, only?: ReadonlySet<string>): GraphNode[] {
  const known = new Set(report.revisions.map((r) => r.id));
  const included = (id: string) => known.has(id) && (only === undefined || only.has(id));
  const nodes: GraphNode[] = [];
  const ghosts = new Set<string>();
  for (const revision of report.revisions) {
    if (!included(revision.id)) continue;
    for (const parent of revision.parents) {
      if (known.has(parent) || ghosts.has(parent)) continue;
      ghosts.add(parent);
      nodes.push({ id: parent, parents: [], dependsOn: [], ghost: true });
    }
    const visible = (id: string) => included(id) || ghosts.has(id);
    nodes.push({ id: revision.id, parents: revision.parents.filter(visible), dependsOn: revision.dependsOn.filter(visible), ghost: false });
  }
  return nodes;
}
