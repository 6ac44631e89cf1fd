// Which tables each revision creates, drops and renames, read without running anything: SQL through
// the real PostgreSQL parser (libpg-query), Alembic through its op.* calls and op.execute strings.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Anomaly, ProjectFormat, Revision } from '../../src-shared/model/revision';
import { withAncestors, type RevisionGraph } from '../../src-shared/graph/revisionGraph';
import { upgradeOrder } from '../../src-shared/graph/planner';
import type { RevisionFile } from './readers/projectFiles';
import { loadParser, loadPostgresParser } from './postgresParser';
import { readSqlTables } from './sqlTableChanges';
import { alembicTableChanges, type ExecutedSql } from './alembicTableChanges';
import type { TableChanges } from './tableChanges';
import { replayRevision } from './tableReplay';

// The runner's destruction check loads the parser from here; the rest of the code imports the types from here.
export { loadParser };
export type { MayCreate, TableChanges } from './tableChanges';

/** A file whose reading waits on the SQL parser: its changes so far, the SQL it waits on, and the rest of its SQL. */
interface WaitingOnSql {
  at: number;
  changes: TableChanges;
  next: ExecutedSql;
  rest: Iterator<ExecutedSql, void> | null;
}

/**
 * Reads files[from…to) into `result` without the SQL parser, and stops at the first that needs it
 * (handed back part read). A plain loop in a plain function: V8 optimises it while it runs, which it
 * does not do for a loop in an async function, and thousands of Alembic files have no SQL string.
 */
function readUntilSql(files: readonly RevisionFile[], from: number, to: number, format: ProjectFormat, result: Map<string, TableChanges>): WaitingOnSql | null {
  for (let at = from; at < to; at += 1) {
    const file = files[at] as RevisionFile;
    if (result.has(file.revision.id)) continue;
    const changes: TableChanges = { created: [], dropped: [], renamed: [], problems: [] };
    if (format === 'alembic') {
      const rest = alembicTableChanges(file, changes);
      const first = rest.next();
      if (!first.done) return { at, changes, next: first.value, rest };
    } else if (file.up) return { at, changes, next: { sql: file.up.sql, at: { file: file.revision.file, line: file.up.line } }, rest: null };
    result.set(file.revision.id, changes);
  }
  return null;
}

/** Tables changed by each revision's upgrade, keyed by revision id. Loads the parser only when some SQL is read. */
export async function analyseTables(files: readonly RevisionFile[], format: ProjectFormat): Promise<Map<string, TableChanges>> {
  const result = new Map<string, TableChanges>();
  for (let batch = 0; batch < files.length; batch += 100) {
    // Thousands of files are read in one request too: let the host answer others meanwhile.
    if (batch > 0) await yieldToEventLoop();
    const to = Math.min(files.length, batch + 100);
    for (let waiting = readUntilSql(files, batch, to, format, result); waiting; waiting = readUntilSql(files, waiting.at + 1, to, format, result)) {
      const parser = await loadPostgresParser();
      for (let sql: ExecutedSql | undefined = waiting.next; sql;) {
        await readSqlTables(parser, sql.sql, sql.at, waiting.changes);
        const step = waiting.rest?.next();
        sql = step && !step.done ? step.value : undefined;
      }
      result.set((files[waiting.at] as RevisionFile).revision.id, waiting.changes);
    }
  }
  return result;
}

/**
 * The tables a database should hold once `applied` ran, each with the revision that created it
 * (a rename keeps its creator), replaying each revision parents-first, each as conflictingTables
 * replays it (replayRevision: "DROP TABLE x; CREATE TABLE x" and a table rebuilt under a temporary name leave x).
 */
export function expectedTablesWithCreators(
  graph: RevisionGraph,
  changes: ReadonlyMap<string, TableChanges>,
  applied: ReadonlySet<string>,
): Map<string, string> {
  const creators = new Map<string, string>();
  for (const id of upgradeOrder(graph, applied)) {
    const change = changes.get(id);
    if (!change) continue;
    replayRevision(creators, id, change);
  }
  return creators;
}

/** The tables a database should hold once `applied` ran. */
export function expectedTables(graph: RevisionGraph, changes: ReadonlyMap<string, TableChanges>, applied: ReadonlySet<string>): Set<string> {
  return new Set(expectedTablesWithCreators(graph, changes, applied).keys());
}

/** Two revisions, neither below the other, both creating one table: an upgrade through both fails. */
export function tablesCreatedTwice(graph: RevisionGraph, changes: ReadonlyMap<string, TableChanges>): Anomaly[] {
  const creators = new Map<string, string[]>();
  const onlyIfAbsent = (id: string, table: string) => changes.get(id)?.createdIfAbsent?.includes(table) ?? false;
  for (const revision of graph.revisions) {
    const created = changes.get(revision.id)?.created ?? [];
    created.forEach((table, i) => {
      // A table a revision creates twice counts once; no set or copy per revision, as thousands are walked per graph.
      if (created.indexOf(table) !== i) return;
      const ids = creators.get(table);
      if (ids) ids.push(revision.id);
      else creators.set(table, [revision.id]);
    });
  }
  const anomalies: Anomaly[] = [];
  for (const [table, ids] of creators) {
    for (let i = 1; i < ids.length; i += 1) {
      const later = graph.byId.get(ids[i] as string) as Revision;
      const below = withAncestors(graph, [later.id]);
      for (const earlierId of ids.slice(0, i)) {
        if (below.has(earlierId) || withAncestors(graph, [earlierId]).has(later.id)) continue;
        // Whichever runs second fails only if it is a plain CREATE TABLE.
        if (onlyIfAbsent(earlierId, table) && onlyIfAbsent(later.id, table)) continue;
        const earlier = graph.byId.get(earlierId) as Revision;
        anomalies.push({
          kind: 'tableCreatedTwice',
          message: `Table ${table} is created by ${earlier.id} (${earlier.file}:${earlier.line}) and by ${later.id} (${later.file}:${later.line}), and neither comes after the other: an upgrade through both fails with relation "${table}" already exists.`,
          file: later.file,
          line: later.line,
          revisions: [earlier.id, later.id],
        });
      }
    }
  }
  return anomalies;
}
