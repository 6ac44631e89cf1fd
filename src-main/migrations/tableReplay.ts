// One revision's table changes applied to the tables before it, in the order its statements ran.
// Static analysis keeps what a revision creates, drops and renames, not the order between them, so
// the order is taken from what the tables were before: a table rebuilt inside one revision
// (CREATE x_temp … DROP x … RENAME x_temp TO x, or RENAME x TO x_old … CREATE x … DROP x_old, as
// SQLite projects do for every column they cannot change in place) leaves x alone, as it runs.
import type { TableChanges } from './tableChanges';

/**
 * Applies `change` (revision `id`) to `tables` (each table with the revision that created it; a rename
 * keeps its creator), calling `collide` for each create or rename onto a table there at that point.
 * A drop comes before the creates ("DROP TABLE x; CREATE TABLE x" leaves x), except the drop of a
 * rename's target that is not there yet, which can only follow that rename; a table made and renamed
 * in the revision is made before the rename when it is not there yet.
 */
export function replayRevision(tables: Map<string, string>, id: string, change: TableChanges, collide: (table: string) => void = () => undefined): void {
  const renameTargets = new Set(change.renamed.map((r) => r.to));
  const renameSources = new Set(change.renamed.map((r) => r.from));
  const ifAbsent = new Set(change.createdIfAbsent ?? []);
  const create = (table: string) => {
    if (tables.has(table) && !ifAbsent.has(table)) collide(table);
    tables.set(table, id);
  };
  const droppedAfterRename = change.dropped.filter((table) => renameTargets.has(table) && !tables.has(table));
  for (const table of change.dropped) if (!droppedAfterRename.includes(table)) tables.delete(table);
  const createdBeforeRename = change.created.filter((table) => renameSources.has(table) && !tables.has(table));
  for (const table of createdBeforeRename) create(table);
  for (const { from, to } of change.renamed) {
    if (tables.has(to) && to !== from) collide(to);
    const creator = tables.get(from) ?? id;
    tables.delete(from);
    tables.set(to, creator);
  }
  for (const table of change.created) if (!createdBeforeRename.includes(table)) create(table);
  for (const table of droppedAfterRename) tables.delete(table);
}
