// Everything the rows need, derived once per load/filter: nodes, lanes, visible items, and the
// per-revision facts a row shows (applied, head, merge, labels).
import { branchRevisions, type BranchFilter } from '../../../src-shared/graph/graphFilter';
import { graphNodes } from '../../../src-shared/graph/graphNodes';
import { layoutLanes, type LaneLayout } from '../../../src-shared/graph/laneLayout';
import { buildGraph, type RevisionGraph } from '../../../src-shared/graph/revisionGraph';
import type { GraphReport } from '../../../src-shared/model/revision';

export type ReportRevision = GraphReport['revisions'][number];

export interface GraphModel {
  layout: LaneLayout;
  revisions: Map<string, ReportRevision>;
  heads: Set<string>;
  /** Where each revision's row is in the layout. */
  rowOf: Map<string, number>;
}

// A load's report never changes, so its revision graph is built once, when a filter first needs
// it, and serves every filter after; the unfiltered screen never pays for it.
const revisionGraphs = new WeakMap<GraphReport, RevisionGraph>();

export function revisionGraphOf(report: GraphReport): RevisionGraph {
  let graph = revisionGraphs.get(report);
  if (graph === undefined) {
    graph = buildGraph(report.revisions);
    revisionGraphs.set(report, graph);
  }
  return graph;
}

export function graphModel(report: GraphReport, filter: BranchFilter | undefined): GraphModel {
  const only = filter ? branchRevisions(revisionGraphOf(report), filter) : undefined;
  const layout = layoutLanes(graphNodes(report, only));
  return {
    layout,
    revisions: new Map(report.revisions.map((r) => [r.id, r])),
    heads: new Set(report.heads),
    rowOf: new Map(layout.rows.map((row, i) => [row.id, i])),
  };
}
