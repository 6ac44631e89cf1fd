// Small graphs for the specifications: `rev('b', ['a'])` is revision b with parent a.
import type { Revision } from '../../src-shared/model/revision';
import { buildGraph, type RevisionGraph } from '../../src-shared/graph/revisionGraph';

export function rev(id: string, parents: string[] = [], extra: Partial<Revision> = {}): Revision {
  return { id, parents, dependsOn: [], branchLabels: [], message: `revision ${id}`, createdAt: null, file: `versions/${id}.py`, line: 1, ...extra };
}

export function graphOf(...revisions: Revision[]): RevisionGraph {
  return buildGraph(revisions);
}

export const fixtures = new URL('../fixtures/migrations/', import.meta.url).pathname;
