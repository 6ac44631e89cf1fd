// Draws the graph for a terminal like `git log --graph`: newest first, one lane per open branch,
// with ids, branch labels and messages.
import type { Revision } from '../model/revision';
import { parentsFirst, parentsOf, type RevisionGraph } from './revisionGraph';

/** Children before parents; each branch drawn down to where it forks before the next begins. */
function newestFirst(graph: RevisionGraph): string[] {
  // Heads in reading order, then anything a cycle hides from every head.
  const starts = [...graph.heads, ...graph.revisions.map((r) => r.id)];
  return parentsFirst(graph, starts, { dependencies: false }).reverse();
}

function describe(graph: RevisionGraph, revision: Revision): string {
  const tags: string[] = [];
  if (graph.heads.includes(revision.id)) tags.push('head');
  if (revision.parents.length === 0) tags.push('base');
  // Lanes cannot always show both sides of a merge; the text always does.
  if (revision.parents.length > 1) tags.push(`merges ${revision.parents.join(' + ')}`);
  const labels = graph.onBranches.get(revision.id) ?? [];
  if (labels.length > 0) tags.push(...labels.map((l) => `@${l}`));
  const missing = revision.parents.filter((p) => !graph.byId.has(p));
  if (missing.length > 0) tags.push(`missing parent ${missing.join(', ')}`);
  const deps = revision.dependsOn.length > 0 ? `  (depends on ${revision.dependsOn.join(', ')})` : '';
  return `${revision.id}${tags.length > 0 ? ` (${tags.join(', ')})` : ''}${revision.message ? `  ${revision.message}` : ''}${deps}`;
}

function row(lanes: Array<string | null>, mark: (i: number, lane: string | null) => string): string {
  return lanes
    .map((lane, i) => mark(i, lane))
    .join(' ')
    .trimEnd();
}

export function renderAsciiGraph(graph: RevisionGraph): string {
  const lanes: Array<string | null> = [];
  const lines: string[] = [];
  const drawn = new Set<string>();
  for (const id of newestFirst(graph)) {
    const revision = graph.byId.get(id) as Revision;
    const waiting = lanes.flatMap((lane, i) => (lane === id ? [i] : []));
    let column = waiting[0];
    if (column === undefined) {
      column = lanes.indexOf(null);
      if (column === -1) column = lanes.push(null) - 1;
    }
    // Other lanes waiting for this revision are its other children's branches: they join here.
    if (waiting.length > 1) {
      lines.push(row(lanes, (i, lane) => (waiting.includes(i) && i !== column ? '/' : lane === null ? ' ' : '|')));
      for (const i of waiting.slice(1)) lanes[i] = null;
    }
    lines.push(`${row(lanes, (i, lane) => (i === column ? '*' : lane === null ? ' ' : '|'))}`.padEnd(column * 2 + 1) + `  ${describe(graph, revision)}`);
    drawn.add(id);
    const parents = parentsOf(graph, id).filter((p) => !drawn.has(p));
    lanes[column] = parents[0] ?? null;
    const opened: number[] = [];
    for (const parent of parents.slice(1)) {
      if (lanes.includes(parent)) continue;
      let free = lanes.indexOf(null);
      if (free === -1) free = lanes.push(null) - 1;
      lanes[free] = parent;
      opened.push(free);
    }
    // A merge opens a lane per extra parent.
    if (opened.length > 0) lines.push(row(lanes, (i, lane) => (opened.includes(i) ? '\\' : lane === null ? ' ' : '|')));
    while (lanes.length > 0 && lanes[lanes.length - 1] === null) lanes.pop();
  }
  return `${lines.join('\n')}\n`;
}
