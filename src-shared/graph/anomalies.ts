// Everything wrong with a project's graph, as data with a file and line: the UI lists these beside
// the graph and the CLI prints them, instead of failing the way `alembic` does.
import type { Anomaly, Revision } from '../model/revision';
import { countOf } from '../format/plural';
import { revisionCycles } from './revisionCycles';
import { withDescendants, type RevisionGraph } from './revisionGraph';

function at(revision: Revision): { file: string; line: number } {
  return { file: revision.file, line: revision.line };
}

function where(revision: Revision): string {
  return `${revision.file}:${revision.line}`;
}

function list(ids: readonly string[], max = 12): string {
  return ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')} and ${ids.length - max} more`;
}

function duplicateRevisions(graph: RevisionGraph): Anomaly[] {
  return graph.duplicates.map((dup) => {
    const first = graph.byId.get(dup.id) as Revision;
    return {
      kind: 'duplicateRevision',
      message: `Revision ${dup.id} is defined twice: ${where(first)} and ${where(dup)}; the second is ignored.`,
      ...at(dup),
      revisions: [dup.id],
    };
  });
}

function missingReferences(graph: RevisionGraph): Anomaly[] {
  return graph.missing.map(({ revision, missing, via }) => {
    const hanging = [...withDescendants(graph, [revision])];
    const what = via === 'parent' ? 'parent' : 'depends-on revision';
    const more =
      hanging.length > 1 ? `; ${countOf(hanging.length - 1, 'more revision', 'more revisions')} ${hanging.length === 2 ? 'hangs' : 'hang'} from it` : '';
    return {
      kind: 'missingParent',
      message: `${revision} names ${what} ${missing}, which no file defines${more}.`,
      ...at(graph.byId.get(revision) as Revision),
      revisions: hanging,
    };
  });
}

function cycleAnomalies(graph: RevisionGraph): Anomaly[] {
  return revisionCycles(graph).map((path) => ({
    kind: 'cycle',
    message: `Revisions form a cycle: ${path.join(' → ')}. Neither can run before the other.`,
    ...at(graph.byId.get(path[0] as string) as Revision),
    revisions: path.slice(0, -1),
  }));
}

/** `parentsUnknown`: roots only because their parents could not be read (an unresolved down_revision, said by its own anomaly). */
function extraRoots(graph: RevisionGraph, parentsUnknown: ReadonlySet<string>): Anomaly[] {
  // A root with its own branch label is Alembic's documented way to start an independent branch.
  const unlabelled = graph.bases.map((b) => graph.byId.get(b) as Revision).filter((r) => r.branchLabels.length === 0 && !parentsUnknown.has(r.id));
  if (unlabelled.length < 2) return [];
  // The root most of the project grows from is the real one; the others are suspects.
  const sizes = new Map(unlabelled.map((r) => [r.id, withDescendants(graph, [r.id]).size]));
  const primary = unlabelled.reduce((best, r) => ((sizes.get(r.id) ?? 0) > (sizes.get(best.id) ?? 0) ? r : best));
  return unlabelled
    .filter((r) => r !== primary)
    .map((r) => ({
      kind: 'extraRoot',
      message: `${r.id} has no parent, so it is a second root beside ${primary.id}; a \`down_revision = None\` slip runs it before everything it needs.`,
      ...at(r),
      revisions: [r.id],
    }));
}

/** Revisions whose down_revision could not be resolved: calling them a second root would blame the wrong thing. */
function parentsUnknown(unreadable: readonly Anomaly[]): Set<string> {
  return new Set(unreadable.filter((a) => a.kind === 'unresolvedHeader' && /^\S+: down_revision = /.test(a.message)).flatMap((a) => a.revisions));
}

function multipleHeads(graph: RevisionGraph): Anomaly[] {
  if (graph.heads.length < 2) return [];
  const first = graph.byId.get(graph.heads[0] as string) as Revision;
  return [
    {
      kind: 'multipleHeads',
      message: `${graph.heads.length} heads: ${list(graph.heads)}. \`upgrade head\` is ambiguous until they are merged.`,
      ...at(first),
      revisions: [...graph.heads],
    },
  ];
}

function duplicateMerges(graph: RevisionGraph): Anomaly[] {
  const byParents = new Map<string, string[]>();
  for (const id of graph.mergePoints) {
    const key = [...new Set((graph.byId.get(id) as Revision).parents)].sort().join(' ');
    byParents.set(key, [...(byParents.get(key) ?? []), id]);
  }
  return [...byParents.entries()]
    .filter(([, merges]) => merges.length > 1)
    .map(([parents, merges]) => ({
      kind: 'duplicateMerge',
      message: `${list(merges)} all merge the same parents (${parents.split(' ').join(', ')}).`,
      ...at(graph.byId.get(merges[1] as string) as Revision),
      revisions: merges,
    }));
}

function duplicateLabels(graph: RevisionGraph): Anomaly[] {
  const anomalies: Anomaly[] = [];
  for (const revision of graph.revisions) {
    for (const label of revision.branchLabels) {
      const owner = graph.labels.get(label) as string;
      if (owner === revision.id) continue;
      anomalies.push({
        kind: 'duplicateLabel',
        message: `Branch label "${label}" is declared by ${owner} and again by ${revision.id}; "${label}@head" would mean the first.`,
        ...at(revision),
        revisions: [owner, revision.id],
      });
    }
  }
  return anomalies;
}

function unknownApplied(graph: RevisionGraph, recorded: readonly string[]): Anomaly[] {
  return recorded
    .filter((id) => !graph.byId.has(id))
    .map((id) => ({
      kind: 'unknownApplied',
      message: `The database records revision ${id}, which no file in this project defines.`,
      file: null,
      line: null,
      revisions: [id],
    }));
}

/** `unreadable` comes from the reader; `recorded` are revision ids a database says are applied. */
export function findAnomalies(graph: RevisionGraph, unreadable: readonly Anomaly[] = [], recorded: readonly string[] = []): Anomaly[] {
  return [
    ...unreadable,
    ...duplicateRevisions(graph),
    ...missingReferences(graph),
    ...cycleAnomalies(graph),
    ...extraRoots(graph, parentsUnknown(unreadable)),
    ...multipleHeads(graph),
    ...duplicateMerges(graph),
    ...duplicateLabels(graph),
    ...unknownApplied(graph, recorded),
  ];
}
