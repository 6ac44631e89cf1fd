// Which tables a run's steps destroy — DROP TABLE, TRUNCATE, DELETE — read from the SQL each step
// runs (native bodies, Alembic's op.drop_table and op.execute), never by running it.
import type { DestroyedTable } from '../../src-shared/model/run';
import { readStringAt } from '../migrations/readers/pythonLiteral';
import type { RevisionFile } from '../migrations/readers/projectFiles';
import { splitStatements } from '../migrations/sqlStatements';

export type Destruction = Omit<DestroyedTable, 'rows' | 'error'>;

export interface DestructiveStep {
  direction: 'up' | 'down';
  file: RevisionFile;
}

type Parser = (sql: string) => unknown;

interface RangeVar {
  schemaname?: string;
  relname: string;
}

// The parse tree is JSON; these are the three statement shapes that destroy rows.
type Statement = {
  DropStmt?: { removeType: string; objects: Array<{ List?: { items: Array<{ String?: { sval: string } }> } }> };
  TruncateStmt?: { relations: Array<{ RangeVar?: RangeVar }> };
  DeleteStmt?: { relation: RangeVar };
};

/** Spelled as the static analysis and the preflight spell tables: `public.x` is `x`. */
function tableName(schema: string | undefined, name: string): string {
  return schema && schema !== 'public' ? `${schema}.${name}` : name;
}

// Only these statements are parsed: the parser is the slow part, and INSERTs are most of a body.
const destroys = /^(?:DROP\s+TABLE|TRUNCATE|DELETE|WITH)\b/i;
const leadingComments = /^(?:\s*(?:--[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*/;

function fromSql(parse: Parser, sql: string): Array<{ table: string; how: Destruction['how'] }> {
  const relevant = splitStatements(sql).filter((s) => destroys.test(s.sql.replace(leadingComments, '')));
  if (relevant.length === 0) return [];
  let statements: Array<{ stmt: unknown }>;
  try {
    statements = (parse(relevant.map((s) => s.sql).join(';\n')) as { stmts?: Array<{ stmt: unknown }> }).stmts ?? [];
  } catch {
    // SQL the parser rejects fails the run before it destroys anything; the preflight reports it.
    return [];
  }
  const found: Array<{ table: string; how: Destruction['how'] }> = [];
  for (const { stmt } of statements) {
    const s = stmt as Statement;
    if (s.DropStmt?.removeType === 'OBJECT_TABLE') {
      for (const object of s.DropStmt.objects) {
        const parts = (object.List?.items ?? []).map((i) => i.String?.sval ?? '');
        found.push({ table: parts.length > 1 ? tableName(parts[0], parts[1] as string) : (parts[0] ?? ''), how: 'drop' });
      }
    } else if (s.TruncateStmt) {
      for (const { RangeVar: relation } of s.TruncateStmt.relations) {
        if (relation) found.push({ table: tableName(relation.schemaname, relation.relname), how: 'truncate' });
      }
    } else if (s.DeleteStmt) {
      found.push({ table: tableName(s.DeleteStmt.relation.schemaname, s.DeleteStmt.relation.relname), how: 'delete' });
    }
  }
  return found;
}

/** The body of `def upgrade(...)` or `def downgrade(...)`, up to the next top-level definition. */
function pythonFunction(text: string, name: 'upgrade' | 'downgrade'): string {
  const start = text.search(new RegExp(`^def ${name}\\s*\\(`, 'm'));
  if (start === -1) return '';
  const rest = text.slice(start);
  const end = rest.slice(1).search(/^(?:def |class |@)/m);
  return end === -1 ? rest : rest.slice(0, end + 1);
}

const opCall = /\bop\.(drop_table|execute)\s*\(\s*(?:(?:sa\.)?text\s*\(\s*)?/g;

function fromAlembic(parse: Parser, body: string): Array<{ table: string; how: Destruction['how'] }> {
  const found: Array<{ table: string; how: Destruction['how'] }> = [];
  for (const match of body.matchAll(opCall)) {
    const argument = readStringAt(body, (match.index ?? 0) + match[0].length);
    if (!argument || typeof argument.value !== 'string') continue;
    if (match[1] === 'drop_table') found.push({ table: argument.value, how: 'drop' });
    else found.push(...fromSql(parse, argument.value));
  }
  return found;
}

/** Every table each step destroys, in run order; a table destroyed twice is listed once, first time. */
/** `runner`: 'tool' reads the Python of a tool's own files (Alembic's op.* calls), 'sql' the SQL bodies. */
export function destructiveStatements(parse: Parser, steps: readonly DestructiveStep[], runner: 'sql' | 'tool'): Destruction[] {
  const seen = new Set<string>();
  const result: Destruction[] = [];
  for (const { direction, file } of steps) {
    const found =
      runner === 'tool'
        ? fromAlembic(parse, pythonFunction(file.text, direction === 'up' ? 'upgrade' : 'downgrade'))
        : fromSql(parse, (direction === 'up' ? file.up : file.down)?.sql ?? '');
    for (const { table, how } of found) {
      if (seen.has(table)) continue;
      seen.add(table);
      result.push({ table, how, revision: file.revision.id, direction });
    }
  }
  return result;
}

/** Whether any step could destroy something: the parser is only loaded then. */
export function mayDestroy(steps: readonly DestructiveStep[], runner: 'sql' | 'tool'): boolean {
  const words = /\b(?:DROP\s+TABLE|TRUNCATE|DELETE|drop_table)\b/i;
  return steps.some(({ direction, file }) => words.test(runner === 'tool' ? file.text : ((direction === 'up' ? file.up : file.down)?.sql ?? '')));
}
