// Which tables each revision creates, drops and renames, read without running anything: SQL through
// the real PostgreSQL parser (libpg-query), Alembic through its op.* calls and op.execute strings.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Anomaly, ProjectFormat, Revision } from '../../src-shared/model/revision';
import { withAncestors, type RevisionGraph } from '../../src-shared/graph/revisionGraph';
import { upgradeOrder } from '../../src-shared/graph/planner';
import { readStringAt } from './readers/pythonLiteral';
import type { RevisionFile } from './readers/projectFiles';
import { lineAndColumn } from './sqlStatements';
import { loadParser, loadPostgresParser } from './postgresParser';
import { readSqlTables } from './sqlTableChanges';
import type { TableChanges } from './tableChanges';

// The runner's destruction check loads the parser from here; the rest of the code imports the types from here.
export { loadParser };
export type { MayCreate, TableChanges } from './tableChanges';

/** The body of `def upgrade(...)`, and where it starts: the downgrade must not count. */
function upgradeBody(text: string): { body: string; start: number } {
  const start = text.search(/^def upgrade\s*\(/m);
  if (start === -1) return { body: '', start: 0 };
  const rest = text.slice(start);
  const end = rest.slice(1).search(/^(?:def |class |@)/m);
  return { body: end === -1 ? rest : rest.slice(0, end + 1), start };
}

const opCall = /\bop\.(create_table|drop_table|rename_table|execute)\s*\(\s*(?:(?:sa\.)?text\s*\(\s*)?/g;
const nextString = /^\s*,\s*/;

function stringArgument(body: string, at: number): { value: string; end: number } | null {
  const read = readStringAt(body, at);
  return read && typeof read.value === 'string' ? { value: read.value, end: read.end } : null;
}

async function fromAlembic(file: RevisionFile, changes: TableChanges): Promise<void> {
  const { body, start } = upgradeBody(file.text);
  opCall.lastIndex = 0;
  for (let match = opCall.exec(body); match; match = opCall.exec(body)) {
    const first = stringArgument(body, match.index + match[0].length);
    if (!first) continue;
    switch (match[1]) {
      case 'create_table':
        changes.created.push(first.value);
        break;
      case 'drop_table':
        changes.dropped.push(first.value);
        break;
      case 'rename_table': {
        const comma = nextString.exec(body.slice(first.end, first.end + 20));
        const second = comma ? stringArgument(body, first.end + comma[0].length) : null;
        if (second) changes.renamed.push({ from: first.value, to: second.value });
        break;
      }
      default: {
        const { line } = lineAndColumn(file.text, start + match.index + match[0].length);
        await readSqlTables(await loadPostgresParser(), first.value, { file: file.revision.file, line }, changes);
      }
    }
  }
}

/** Tables changed by each revision's upgrade, keyed by revision id. Loads the parser only when some SQL is read. */
export async function analyseTables(files: readonly RevisionFile[], format: ProjectFormat): Promise<Map<string, TableChanges>> {
  const result = new Map<string, TableChanges>();
  for (const [index, file] of files.entries()) {
    if (result.has(file.revision.id)) continue;
    // Thousands of files are read in one request too: let the host answer others meanwhile.
    if (index % 100 === 99) await yieldToEventLoop();
    const changes: TableChanges = { created: [], dropped: [], renamed: [], problems: [] };
    if (format === 'alembic') await fromAlembic(file, changes);
    else if (file.up) await readSqlTables(await loadPostgresParser(), file.up.sql, { file: file.revision.file, line: file.up.line }, changes);
    result.set(file.revision.id, changes);
  }
  return result;
}

/** The tables a database should hold once `applied` ran, replaying each revision parents-first. */
export function expectedTables(graph: RevisionGraph, changes: ReadonlyMap<string, TableChanges>, applied: ReadonlySet<string>): Set<string> {
  const tables = new Set<string>();
  for (const id of upgradeOrder(graph, applied)) {
    const change = changes.get(id);
    if (!change) continue;
    for (const t of change.created) tables.add(t);
    for (const t of change.dropped) tables.delete(t);
    for (const { from, to } of change.renamed) {
      tables.delete(from);
      tables.add(to);
    }
  }
  return tables;
}

/** Two revisions, neither below the other, both creating one table: an upgrade through both fails. */
export function tablesCreatedTwice(graph: RevisionGraph, changes: ReadonlyMap<string, TableChanges>): Anomaly[] {
  const creators = new Map<string, string[]>();
  const onlyIfAbsent = (id: string, table: string) => changes.get(id)?.createdIfAbsent?.includes(table) ?? false;
  for (const revision of graph.revisions) {
    for (const table of new Set(changes.get(revision.id)?.created ?? [])) creators.set(table, [...(creators.get(table) ?? []), revision.id]);
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
