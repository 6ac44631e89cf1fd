// Narrowing the graph: search by id, message or label, and one branch (a label, or the ancestors
// and descendants of a revision).
import type { GraphReport } from '../model/revision';

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

function walk(start: string, next: (id: string) => readonly string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length > 0) {
    const id = todo.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    todo.push(...next(id));
  }
  return seen;
}

/** The revisions a branch filter keeps. */
export function branchRevisions(report: GraphReport, filter: BranchFilter): Set<string> {
  if (filter.kind === 'label') return new Set(report.revisions.filter((r) => r.onBranches.includes(filter.label) || r.branchLabels.includes(filter.label)).map((r) => r.id));
  const parents = new Map(report.revisions.map((r) => [r.id, [...r.parents, ...r.dependsOn]]));
  const children = new Map<string, string[]>();
  for (const r of report.revisions) for (const p of [...r.parents, ...r.dependsOn]) children.set(p, [...(children.get(p) ?? []), r.id]);
  const below = walk(filter.revision, (id) => parents.get(id) ?? []);
  const above = walk(filter.revision, (id) => children.get(id) ?? []);
  return new Set([...below, ...above].filter((id) => parents.has(id)));
}

/** Every label in the project, for the branch picker. */
export function branchLabels(report: GraphReport): string[] {
  return [...new Set(report.revisions.flatMap((r) => [...r.branchLabels, ...r.onBranches]))].sort();
}
