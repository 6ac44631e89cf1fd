// Which tables an upgrade would try to create while they already exist: the "relation already
// exists" failure, found before the first statement runs. Pure; the runner's preflight and the
// inventory both call it.
import type { RevisionRef } from '../../src-shared/model/inventory';
import type { RevisionGraph } from '../../src-shared/graph/revisionGraph';
import type { TableChanges } from '../migrations/staticAnalysis';

export interface TableConflict {
  /** As static analysis names it: `name`, or `schema.name` outside the default schema. */
  table: string;
  /** The revision whose CREATE TABLE (or RENAME TO) would fail. */
  revision: RevisionRef;
  /** True when the table exists now; false when an earlier revision of the same run creates it. */
  present: boolean;
  message: string;
}

function refOf(graph: RevisionGraph, id: string): RevisionRef {
  const revision = graph.byId.get(id);
  return { revision: id, file: revision?.file ?? '', line: revision?.line ?? 0 };
}

/**
 * Replays `toRun` (revision ids in the order the upgrade runs them) over the tables that exist
 * now, and reports every create or rename whose target is already there at that point.
 */
export function conflictingTables(
  graph: RevisionGraph,
  changes: ReadonlyMap<string, TableChanges>,
  toRun: readonly string[],
  existing: Iterable<string>,
): TableConflict[] {
  const present = new Set(existing);
  const tables = new Set(present);
  const conflicts: TableConflict[] = [];
  const collide = (table: string, id: string) => {
    const revision = refOf(graph, id);
    const already = present.has(table) ? 'already exists in the database' : 'is created earlier in the same upgrade';
    conflicts.push({
      table,
      revision,
      present: present.has(table),
      message: `${revision.file}:${revision.line}: revision ${id} creates table ${table}, which ${already}: the upgrade would fail with relation "${table}" already exists.`,
    });
  };
  for (const id of toRun) {
    const change = changes.get(id);
    if (!change) continue;
    // Static analysis keeps no statement order inside a revision: drops and renames go first, so
    // the common "DROP TABLE x; CREATE TABLE x" is not reported (the runner's preflight agrees).
    for (const { from, to } of change.renamed) {
      if (tables.has(to) && to !== from) collide(to, id);
      tables.delete(from);
      tables.add(to);
    }
    for (const table of change.dropped) tables.delete(table);
    // CREATE TABLE IF NOT EXISTS (or a create under a condition in a DO block) passes over a table already there.
    const ifAbsent = new Set(change.createdIfAbsent);
    for (const table of change.created) {
      if (tables.has(table) && !ifAbsent.has(table)) collide(table, id);
      tables.add(table);
    }
  }
  return conflicts;
}
