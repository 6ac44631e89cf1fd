// Narrowing the graph: search by id, message or label, and one branch (a label, or the ancestors
// and descendants of a revision).
import type { GraphReport } from '../model/revision';
import { withAncestors, withDescendants, type RevisionGraph } from './revisionGraph';

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
export function branchRevisions(graph: RevisionGraph, filter: BranchFilter): Set<string> {
  if (filter.kind === 'label')
    return new Set(
      graph.revisions.filter((r) => r.branchLabels.includes(filter.label) || (graph.onBranches.get(r.id) ?? []).includes(filter.label)).map((r) => r.id),
    );
  if (!graph.byId.has(filter.revision)) return new Set();
  return new Set([...withAncestors(graph, [filter.revision]), ...withDescendants(graph, [filter.revision])]);
}

/** Every label in the project, for the branch picker. */
export function branchLabels(report: GraphReport): string[] {
  return [...new Set(report.revisions.flatMap((r) => [...r.branchLabels, ...r.onBranches]))].sort();
}
