// Which tables an Alembic revision's upgrade() creates, drops and renames, read from its op.* calls
// without running Python: literal names (with their schema= keyword), and the SQL of op.execute strings
// through the same code as SQL files. A call whose table or SQL is not a literal is a problem.
import type { RevisionFile } from './readers/projectFiles';
import { readStringAt } from './readers/pythonLiteral';
import { lineCounter } from './sqlStatements';
import { tableName, type TableChanges } from './tableChanges';

const upgradeDefinition = /^def upgrade\s*\(/m;
const nextDefinition = /^(?:def |class |@)/m;
const openParenthesis = /\s*\(/y;

/** The body of `def upgrade(...)`, and where it starts: the downgrade must not count. */
function upgradeBody(text: string): { body: string; start: number } {
  // A line end other than \n that the patterns' ^ also follows (texts are normalised to \n, but
  // U+2028 and U+2029 may stay): the patterns themselves. includes() of those is instant on a Latin-1 text.
  if (text.includes('\u2028') || text.includes('\u2029') || text.includes('\r')) return upgradeBodyByPattern(text);
  // Otherwise the same search by indexOf, as fast as a memchr over thousands of files.
  let start = -1;
  for (let at = text.indexOf('def upgrade'); at !== -1; at = text.indexOf('def upgrade', at + 1)) {
    if (at > 0 && text.charCodeAt(at - 1) !== 10) continue;
    openParenthesis.lastIndex = at + 'def upgrade'.length;
    if (openParenthesis.test(text)) {
      start = at;
      break;
    }
  }
  if (start === -1) return { body: '', start: 0 };
  let end = text.length;
  for (const next of ['\ndef ', '\nclass ', '\n@']) {
    const at = text.indexOf(next, start);
    if (at !== -1 && at + 1 < end) end = at + 1;
  }
  return { body: text.slice(start, end), start };
}

function upgradeBodyByPattern(text: string): { body: string; start: number } {
  const start = text.search(upgradeDefinition);
  if (start === -1) return { body: '', start: 0 };
  const rest = text.slice(start);
  const end = rest.slice(1).search(nextDefinition);
  return { body: end === -1 ? rest : rest.slice(0, end + 1), start };
}

const opCall = /\bop\.(create_table|drop_table|rename_table|execute)\s*\(\s*(?:(?:sa\.)?text\s*\(\s*)?/g;
const nextString = /^\s*,\s*/;
// SQLAlchemy's row statements (users.insert(), sa.update(t)…) never change the set of tables.
const rowStatement = /^(?:[A-Za-z_][\w.]*\.)?(?:insert|update|delete|select)\s*\(/;

function stringArgument(body: string, at: number): { value: string; end: number } | null {
  const read = readStringAt(body, at);
  return read && typeof read.value === 'string' ? { value: read.value, end: read.end } : null;
}

/** The `schema="…"` keyword of the call whose arguments start at `from`, at its own level (not a column's sa.Enum(schema=…)). */
function schemaKeyword(body: string, from: number): string | undefined {
  // Most calls have none: no "schema" left in the body, nothing to walk through.
  if (body.indexOf('schema', from) === -1) return undefined;
  let depth = 0;
  for (let i = from; i < body.length; i += 1) {
    const c = body[i] as string;
    if (c === '#') {
      const lineEnd = body.indexOf('\n', i);
      i = lineEnd === -1 ? body.length : lineEnd;
    } else if (c === '"' || c === "'") i = (readStringAt(body, i)?.end ?? body.length) - 1;
    else if (c === '(' || c === '[' || c === '{') depth += 1;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return undefined;
      depth -= 1;
    } else if (depth === 0 && c === 's' && !/\w/.test(body[i - 1] ?? '')) {
      const keyword = /^schema\s*=\s*/.exec(body.slice(i, i + 20));
      if (keyword) return stringArgument(body, i + keyword[0].length)?.value;
    }
  }
  return undefined;
}

/** The SQL string of an op.execute call, and where it is. */
export interface ExecutedSql {
  sql: string;
  at: { file: string; line: number };
}

/**
 * Reads upgrade()'s op.* calls into `changes` in order, and hands each op.execute's SQL to the caller
 * to read with the SQL parser before it goes on: a file without one is read with no parser, no promise.
 */
export function* alembicTableChanges(file: RevisionFile, changes: TableChanges): Generator<ExecutedSql, void, void> {
  const { body, start } = upgradeBody(file.text);
  const lineOf = lineCounter(file.text);
  const where = (at: number) => ({ file: file.revision.file, line: lineOf(start + at) });
  opCall.lastIndex = 0;
  for (let match = opCall.exec(body); match; match = opCall.exec(body)) {
    const argumentsAt = match.index + match[0].length;
    const first = stringArgument(body, argumentsAt);
    const call = match[1] as string;
    if (!first) {
      // The first argument as written, as far as a comma, the line's end or 60 characters go.
      const argument = (body.slice(argumentsAt, argumentsAt + 60).split(/,|\n/)[0] ?? '').replace(/\)\s*$/, '');
      if (call === 'execute' && rowStatement.test(argument)) continue;
      const { file: name, line } = where(match.index);
      changes.problems.push(`${name}:${line}: op.${call}(${argument}…) is not read: its ${call === 'execute' ? 'SQL' : 'table'} is not a string literal`);
      continue;
    }
    const schema = call === 'execute' ? undefined : schemaKeyword(body, first.end);
    if (call === 'create_table') changes.created.push(tableName(schema, first.value));
    else if (call === 'drop_table') changes.dropped.push(tableName(schema, first.value));
    else if (call === 'rename_table') {
      const comma = nextString.exec(body.slice(first.end, first.end + 20));
      const second = comma ? stringArgument(body, first.end + comma[0].length) : null;
      if (second) changes.renamed.push({ from: tableName(schema, first.value), to: tableName(schema, second.value) });
    } else {
      // Another analysis may use the shared pattern while the caller reads this SQL: this body's place is kept here.
      const next = opCall.lastIndex;
      yield { sql: first.value, at: where(argumentsAt) };
      opCall.lastIndex = next;
    }
  }
}
