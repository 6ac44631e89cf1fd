// Which tables an upgrade would try to create while they already exist: the "relation already
// exists" failure, found before the first statement runs. Pure; the runner's preflight and the
// inventory both call it.
import type { RevisionRef } from '../../src-shared/model/inventory';
import type { RevisionGraph } from '../../src-shared/graph/revisionGraph';
import type { TableChanges } from '../migrations/staticAnalysis';
import { replayRevision } from '../migrations/tableReplay';

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
  // Who made a table already there does not matter here.
  const tables = new Map([...present].map((table) => [table, '']));
  const conflicts: TableConflict[] = [];
  for (const id of toRun) {
    const change = changes.get(id);
    if (!change) continue;
    replayRevision(tables, id, change, (table) => {
      const revision = refOf(graph, id);
      const already = present.has(table) ? 'already exists in the database' : 'is created earlier in the same upgrade';
      conflicts.push({
        table,
        revision,
        present: present.has(table),
        message: `${revision.file}:${revision.line}: revision ${id} creates table ${table}, which ${already}: the upgrade would fail with relation "${table}" already exists.`,
      });
    });
  }
  return conflicts;
}
