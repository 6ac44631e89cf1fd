// A project's graph drawn as a Mermaid `gitGraph`, for the Markdown status report. A gitGraph only
// branches from a branch's tip and merges a branch's tip, so a revision's branch is made when its
// parent is drawn, and a merge whose parent's branch moved on is said in a comment (%%), not hidden.
import type { MatrixRow } from '../model/matrix';

/** Beyond this many revisions a drawing is unreadable (and slow to render): the report says so instead. */
export const gitGraphLimit = 300;

const quoted = (text: string) => `"${text.replace(/["\\]/g, "'")}"`;

export interface GitGraphDrawing {
  /** The Mermaid source, or null when the graph is too large (`note` says why). */
  source: string | null;
  note: string | null;
}

/** `rows`: the matrix's rows (newest first); drawn oldest first. */
export function mermaidGitGraph(rows: readonly MatrixRow[]): GitGraphDrawing {
  if (rows.length > gitGraphLimit) {
    return {
      source: null,
      note: `The graph has ${rows.length.toLocaleString('en-US')} revisions; it is drawn up to ${gitGraphLimit} (see the matrix in the app).`,
    };
  }
  const order = [...rows].reverse();
  const childrenByFirstParent = new Map<string, string[]>();
  for (const row of order) {
    const first = row.parents[0];
    if (first !== undefined) childrenByFirstParent.set(first, [...(childrenByFirstParent.get(first) ?? []), row.id]);
  }
  const branchOf = new Map<string, string>();
  const tipOf = new Map<string, string>();
  let branches = 0;
  const newBranch = () => `b${++branches}`;
  const lines = ['gitGraph', '  commit id: "(base)" type: HIGHLIGHT'];
  let current = 'main';
  const checkout = (branch: string) => {
    if (branch !== current) lines.push(`  checkout ${branch}`);
    current = branch;
  };
  // Every root after the first starts from the drawing's base on a branch of its own.
  const roots = order.filter((r) => r.parents.length === 0);
  roots.forEach((root, i) => {
    if (i === 0) {
      branchOf.set(root.id, 'main');
      return;
    }
    const branch = newBranch();
    // `branch` also checks the new branch out.
    lines.push(`  branch ${branch}`);
    current = branch;
    checkout('main');
    branchOf.set(root.id, branch);
  });
  for (const row of order) {
    const branch = branchOf.get(row.id) ?? 'main';
    checkout(branch);
    const [, ...others] = row.parents;
    const label = row.branchLabels.length > 0 ? ` tag: ${quoted(row.branchLabels.join(', '))}` : '';
    if (others.length === 0) lines.push(`  commit id: ${quoted(row.id)}${label}`);
    others.forEach((parent, i) => {
      const from = branchOf.get(parent) ?? 'main';
      if (tipOf.get(from) !== parent) lines.push(`  %% ${row.id} merges ${parent}; the drawing joins the tip of its branch (${tipOf.get(from) ?? parent})`);
      if (from === branch) lines.push(`  %% ${row.id} merges ${parent}, drawn on the same branch`);
      else lines.push(`  merge ${from} id: ${quoted(i === 0 ? row.id : `${row.id} (+${parent})`)}${i === 0 ? label : ''}`);
      if (from === branch && i === 0) lines.push(`  commit id: ${quoted(row.id)}${label}`);
    });
    tipOf.set(branch, row.id);
    // Its children: the first continues this branch, each other one starts a branch here.
    const children = childrenByFirstParent.get(row.id) ?? [];
    children.forEach((child, i) => {
      if (i === 0) {
        branchOf.set(child, branch);
        return;
      }
      const made = newBranch();
      lines.push(`  branch ${made}`);
      current = made;
      checkout(branch);
      branchOf.set(child, made);
    });
  }
  return { source: lines.join('\n'), note: null };
}
