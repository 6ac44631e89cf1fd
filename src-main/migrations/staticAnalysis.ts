// Which tables each revision creates, drops and renames, read without running anything: SQL through
// the real PostgreSQL parser (libpg-query), Alembic through its op.* calls and op.execute strings.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Anomaly, Revision } from '../../src-shared/model/revision';
import { withAncestors, type RevisionGraph } from '../../src-shared/graph/revisionGraph';
import { upgradeOrder } from '../../src-shared/graph/planner';
import { readStringAt } from './readers/pythonLiteral';
import type { RevisionFile } from './readers/projectFiles';
import { splitStatementsYielding } from './sqlStatements';
import { loadParser } from './postgresParser';

// The runner's destruction check loads the parser from here.
export { loadParser };

export interface TableChanges {
  created: string[];
  dropped: string[];
  renamed: Array<{ from: string; to: string }>;
  /** Why part of the revision could not be read (e.g. SQL the parser rejects). */
  problems: string[];
}

interface RangeVar {
  schemaname?: string;
  relname: string;
}

// The parse tree is JSON; we read the few statement shapes that change the set of tables.
type Statement = {
  CreateStmt?: { relation: RangeVar };
  CreateTableAsStmt?: { into: { rel: RangeVar }; objtype?: string };
  DropStmt?: { removeType: string; objects: Array<{ List?: { items: Array<{ String?: { sval: string } }> } }> };
  RenameStmt?: { renameType: string; relation?: RangeVar; newname: string };
};

/** `public.x` and `x` are the same table; other schemas keep their prefix. */
function tableName(schema: string | undefined, name: string): string {
  return schema && schema !== 'public' ? `${schema}.${name}` : name;
}

type Parser = (sql: string) => unknown;

// Statements that only touch rows never change the set of tables; parsing them (INSERT … VALUES
// above all) would cost most of the analysis time for nothing. Anything else naming a table is parsed,
// so a typo such as "CREAT TABLE" is still reported.
const namesTable = /\b(?:TABLE|INTO)\b/i;
const rowsOnly = /^(?:INSERT|UPDATE|DELETE|COPY|MERGE|GRANT|REVOKE|COMMENT|TRUNCATE|VALUES)\b/i;
const leadingComments = /^(?:\s*(?:--[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*/;

function mayChangeTables(statement: string): boolean {
  return namesTable.test(statement) && !rowsOnly.test(statement.replace(leadingComments, ''));
}

async function fromSql(parse: Parser, sql: string, changes: TableChanges): Promise<void> {
  const relevant = (await splitStatementsYielding(sql)).filter((s) => mayChangeTables(s.sql));
  if (relevant.length === 0) return;
  let statements: Array<{ stmt: unknown }>;
  try {
    statements = (parse(relevant.map((s) => s.sql).join(';\n')) as { stmts?: Array<{ stmt: unknown }> }).stmts ?? [];
  } catch (error) {
    changes.problems.push(`SQL the PostgreSQL parser rejects: ${(error as Error).message}`);
    return;
  }
  for (const { stmt } of statements) {
    const s = stmt as Statement;
    if (s.CreateStmt) changes.created.push(tableName(s.CreateStmt.relation.schemaname, s.CreateStmt.relation.relname));
    else if (s.CreateTableAsStmt && s.CreateTableAsStmt.objtype !== 'OBJECT_MATVIEW') {
      changes.created.push(tableName(s.CreateTableAsStmt.into.rel.schemaname, s.CreateTableAsStmt.into.rel.relname));
    } else if (s.DropStmt?.removeType === 'OBJECT_TABLE') {
      for (const object of s.DropStmt.objects) {
        const parts = (object.List?.items ?? []).map((i) => i.String?.sval ?? '');
        changes.dropped.push(parts.length > 1 ? tableName(parts[0], parts[1] as string) : (parts[0] ?? ''));
      }
    } else if (s.RenameStmt?.renameType === 'OBJECT_TABLE' && s.RenameStmt.relation) {
      const { schemaname, relname } = s.RenameStmt.relation;
      changes.renamed.push({ from: tableName(schemaname, relname), to: tableName(schemaname, s.RenameStmt.newname) });
    }
  }
}

/** The body of `def upgrade(...)`: the downgrade must not count. */
function upgradeBody(text: string): string {
  const start = text.search(/^def upgrade\s*\(/m);
  if (start === -1) return '';
  const rest = text.slice(start);
  const end = rest.slice(1).search(/^(?:def |class |@)/m);
  return end === -1 ? rest : rest.slice(0, end + 1);
}

const opCall = /\bop\.(create_table|drop_table|rename_table|execute)\s*\(\s*(?:(?:sa\.)?text\s*\(\s*)?/g;
const nextString = /^\s*,\s*/;

function stringArgument(body: string, at: number): { value: string; end: number } | null {
  const read = readStringAt(body, at);
  return read && typeof read.value === 'string' ? { value: read.value, end: read.end } : null;
}

async function fromAlembic(parse: Parser, text: string, changes: TableChanges): Promise<void> {
  const body = upgradeBody(text);
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
      default:
        await fromSql(parse, first.value, changes);
    }
  }
}

function usesSql(file: RevisionFile): boolean {
  return file.up !== null || /\bop\.execute\s*\(/.test(file.text);
}

/** Tables changed by each revision's upgrade, keyed by revision id. Loads the parser only when needed. */
export async function analyseTables(files: readonly RevisionFile[], format: 'native' | 'alembic'): Promise<Map<string, TableChanges>> {
  const parse: Parser = files.some(usesSql) ? await loadParser() : () => ({ stmts: [] });
  const result = new Map<string, TableChanges>();
  for (const [index, file] of files.entries()) {
    if (result.has(file.revision.id)) continue;
    // Thousands of files are read in one request too: let the host answer others meanwhile.
    if (index % 100 === 99) await yieldToEventLoop();
    const changes: TableChanges = { created: [], dropped: [], renamed: [], problems: [] };
    if (format === 'alembic') await fromAlembic(parse, file.text, changes);
    else if (file.up) await fromSql(parse, file.up.sql, changes);
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
