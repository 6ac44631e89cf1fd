// Pure: which revisions FIRST..LAST are, as a squash takes them — a straight line of parents, with no
// branch point, merge or depends-on inside it — or why they are not (E_SQUASH_NOT_LINEAR).
import { SwitchyardError } from '../../src-shared/errors';
import { revisionFor } from '../../src-shared/graph/addressing';
import { childrenOf, parentsOf, type RevisionGraph } from '../../src-shared/graph/revisionGraph';
import type { SquashRun } from '../../src-shared/model/squash';

function refused(message: string, detail: Record<string, unknown>): SwitchyardError {
  return new SwitchyardError('E_SQUASH_NOT_LINEAR', `${message} Nothing was changed.`, detail);
}

export function squashRun(graph: RevisionGraph, firstAddress: string, lastAddress: string): SquashRun {
  const first = revisionFor(graph, firstAddress);
  const last = revisionFor(graph, lastAddress);
  const revisions: string[] = [];
  for (let id: string | undefined = last; ;) {
    revisions.unshift(id);
    const parents = parentsOf(graph, id);
    if (parents.length > 1)
      throw refused(`${id} is a merge (parents ${parents.join(', ')}): a squash takes a straight line of revisions.`, { revision: id, parents });
    if (id === first) break;
    id = parents[0];
    if (id === undefined || revisions.includes(id))
      throw refused(`${first} is not an ancestor of ${last} through single parents: ${first}..${last} is not a run.`, { first, last });
  }
  for (const id of revisions) {
    const children = childrenOf(graph, id);
    if (id !== last && children.length > 1) {
      throw refused(`${id} is a branch point (children ${children.join(', ')}): squashing through it would leave its other branch without its parent.`, {
        revision: id,
        children,
      });
    }
    const needs = graph.dependencies.get(id) ?? [];
    const neededBy = (graph.dependents.get(id) ?? []).filter((d) => !revisions.includes(d));
    if (needs.length > 0 || neededBy.length > 0) {
      throw refused(`${id} takes part in a depends-on (${[...needs, ...neededBy].join(', ')}), which a squashed revision could not keep.`, { revision: id });
    }
  }
  const parent = parentsOf(graph, first)[0] ?? null;
  const branchLabels = [...new Set(revisions.flatMap((id) => graph.byId.get(id)?.branchLabels ?? []))];
  return { revisions, parent, children: [...childrenOf(graph, last)], branchLabels };
}
