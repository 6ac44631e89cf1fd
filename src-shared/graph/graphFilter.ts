// Narrowing the graph: search by id, message or label, and one branch (a label, or the ancestors
// and descendants of a revision).
import type { GraphReport } from '../model/revision';
import { buildGraph, withAncestors, withDescendants } from './revisionGraph';

type ReportRevision = GraphReport['revisions'][number];

export type BranchFilter = { kind: 'label'; label: string } | { kind: 'lineage'; revision: string };

export function matchesSearch(revision: ReportRevision, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return false;
  return (
    revision.id.toLowerCase().includes(q) ||
    revision.message.toLowerCase().includes(q) ||
    revision.onBranches.some((label) => label.toLowerCase().includes(q)) ||
    revision.branchLabels.some((label) => label.toLowerCase().includes(q))
  );
}

/** The revisions a branch filter keeps; a lineage follows depends-on as the planner does. */
export function branchRevisions(report: GraphReport, filter: BranchFilter): Set<string> {
  if (filter.kind === 'label') return new Set(report.revisions.filter((r) => r.onBranches.includes(filter.label) || r.branchLabels.includes(filter.label)).map((r) => r.id));
  const graph = buildGraph(report.revisions);
  if (!graph.byId.has(filter.revision)) return new Set();
  return new Set([...withAncestors(graph, [filter.revision]), ...withDescendants(graph, [filter.revision])]);
}

/** Every label in the project, for the branch picker. */
export function branchLabels(report: GraphReport): string[] {
  return [...new Set(report.revisions.flatMap((r) => [...r.branchLabels, ...r.onBranches]))].sort();
}
