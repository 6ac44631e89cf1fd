// Which tables SQL creates, drops and renames, read with PostgreSQL's own parsers: top-level
// statements, DO blocks and functions' bodies (PL/pgSQL, SQL), and EXECUTEs as far as their text is
// written out. Every statement it cannot read becomes a problem naming its file and line, and the tables
// its text names become tables the revision may create.
import type { Node } from 'libpg-query';
import { computed, constantText, writtenParts } from './executedText';
import type { PostgresParser } from './postgresParser';
import { bodyStatements } from './plpgsqlBodies';
import { lineCounter, splitStatementsYielding } from './sqlStatements';
import { tableName, type TableChanges } from './tableChanges';

/** Where a SQL text sits, for messages. */
export interface SqlPlace {
  /** The revision's file, relative to the project. */
  file: string;
  /** The file's line on which the text begins. */
  line: number;
}

interface Reading extends SqlPlace {
  changes: TableChanges;
  /** Inside a function's body, the function's name: what it creates exists only once it is called. */
  inFunction: string | null;
  /** Under a condition or an exception handler: a create there does not fail on an existing table. */
  conditional: boolean;
}

// Statements that only touch rows never change the set of tables; parsing them (INSERT … VALUES
// above all) would cost most of the analysis time for nothing. Anything else naming a table is parsed,
// so a typo such as "CREAT TABLE" is still reported; so is every DO block and function, whose body may
// hold an EXECUTE that names no table, DROP SCHEMA, which may drop tables without naming them, and a
// call of a function the revision defined.
const namesTable = /\b(?:TABLE|INTO)\b/i;
const holdsBody = /^(?:DO|CREATE\s+(?:OR\s+REPLACE\s+)?(?:FUNCTION|PROCEDURE))\b/i;
const dropsSchema = /^DROP\s+SCHEMA\b/i;
const rowsOnly = /^(?:INSERT|UPDATE|DELETE|COPY|MERGE|GRANT|REVOKE|COMMENT|TRUNCATE|VALUES)\b/i;
const leadingComments = /^(?:\s*(?:--[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*/;

const callsFunction = /^(?:SELECT|CALL)\b/i;

/** Whether `statement` (its leading comments removed) may change the set of tables, once `made` (the revision's functions so far) are known. */
function mayChangeTables(statement: string, made: ReadonlyMap<string, string[]>): boolean {
  if (holdsBody.test(statement) || dropsSchema.test(statement) || (namesTable.test(statement) && !rowsOnly.test(statement))) return true;
  if (made.size === 0 || !callsFunction.test(statement)) return false;
  const text = statement.toLowerCase();
  return [...made.keys()].some((name) => text.includes(name.slice(name.lastIndexOf('.') + 1).toLowerCase()));
}

// A table name as far as the text of an unread statement spells it out: `CREATE TABLE audit_` followed
// by a computed part (executedText's `computed`, \0) names no table.
const identifier = String.raw`(?:"(?:[^"\0]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)`;
const createTable = new RegExp(
  String.raw`\bCREATE\s+(?:(?:GLOBAL|LOCAL)\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?!IF\s+NOT\s+EXISTS\b)(${identifier})(?:\s*\.\s*(${identifier}))?(?![A-Za-z0-9_$"\0.])`,
  'gi',
);

function unquote(part: string): string {
  return part.startsWith('"') ? part.slice(1, -1).replaceAll('""', '"') : part.toLowerCase();
}

function tablesNamedIn(text: string): string[] {
  return [...text.matchAll(createTable)].map((m) => (m[2] === undefined ? unquote(m[1] as string) : tableName(unquote(m[1] as string), unquote(m[2]))));
}

function unread(reading: Reading, line: number, why: string, text: string): void {
  const where = `${reading.file}:${line}`;
  const inFunction = reading.inFunction ? `function ${reading.inFunction}(): ` : '';
  reading.changes.problems.push(`${where}: ${inFunction}${why}`);
  for (const table of tablesNamedIn(text)) (reading.changes.mayCreate ??= []).push({ table, how: `named by a statement not read at ${where}` });
}

// The tables each function defined in a revision creates, kept for the calls later in the same revision.
const definedFunctions = new WeakMap<TableChanges, Map<string, string[]>>();

function functionsOf(changes: TableChanges): Map<string, string[]> {
  let made = definedFunctions.get(changes);
  if (!made) {
    made = new Map();
    definedFunctions.set(changes, made);
  }
  return made;
}

/** `public.f` and `f` are the same function, as tables are. */
function functionName(parts: Node[] | undefined): string {
  const names = (parts ?? []).map((part) => ('String' in part ? (part.String.sval ?? '') : ''));
  return names.length > 1 ? tableName(names[0], names.slice(1).join('.')) : (names[0] ?? '');
}

/**
 * A call (SELECT f(), CALL p(), PERFORM f()) of a function the revision defined before it: the tables
 * its body creates are made now. The function may guard its creates, so they never count as a conflict.
 */
function called(reading: Reading, name: string): void {
  if (reading.inFunction) return;
  for (const table of functionsOf(reading.changes).get(name) ?? []) create(reading, table, true);
}

function create(reading: Reading, table: string, ifAbsent: boolean | undefined): void {
  const { changes } = reading;
  if (reading.inFunction) {
    (changes.mayCreate ??= []).push({ table, how: `function ${reading.inFunction}() creates it when called` });
    const made = functionsOf(changes);
    made.set(reading.inFunction, [...(made.get(reading.inFunction) ?? []), table]);
    return;
  }
  changes.created.push(table);
  if (ifAbsent || reading.conditional) (changes.createdIfAbsent ??= []).push(table);
}

/** Stands for the computed parts of a dynamic EXECUTE, so that the rest of its text can be parsed. */
const computedName = 'switchyard_computed_part';

/** An expression as it is shown in a problem: on one line, and not a screenful. */
function shown(expression: string): string {
  const line = expression.replace(/\s+/g, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

function parses(parser: PostgresParser, sql: string): boolean {
  try {
    parser.parse(sql);
    return true;
  } catch {
    return false;
  }
}

function namesComputed(changes: TableChanges): boolean {
  const tables = [...changes.created, ...changes.dropped, ...changes.renamed.flatMap((r) => [r.from, r.to]), ...(changes.mayCreate ?? []).map((m) => m.table)];
  return tables.some((table) => table.toLowerCase().includes(computedName));
}

/**
 * EXECUTE of a constant string is read as the SQL it is. Any other is read with its computed parts
 * standing in as a name: one that cannot change the set of tables (an INSERT, an ALTER TABLE … ADD
 * CONSTRAINT on a computed table) or that names its tables in full is read; one whose tables are
 * computed, or whose text does not parse that way, is a problem.
 */
async function readExecute(parser: PostgresParser, expression: string, reading: Reading, line: number): Promise<void> {
  let value: Node | undefined;
  try {
    const [statement] = parser.parse(`SELECT ${expression}`).stmts ?? [];
    const select = statement?.stmt;
    const [target] = select && 'SelectStmt' in select ? (select.SelectStmt.targetList ?? []) : [];
    value = target && 'ResTarget' in target ? target.ResTarget.val : undefined;
  } catch (error) {
    unread(reading, line, `an EXECUTE whose expression the parser rejects (${(error as Error).message}): ${shown(expression)}`, expression);
    return;
  }
  const constant = constantText(value);
  if (constant !== null) {
    await readSql(parser, constant, { ...reading, line });
    return;
  }
  const written = writtenParts(value);
  const standIn = written.replaceAll(computed, computedName);
  const read: TableChanges = { created: [], dropped: [], renamed: [], problems: [] };
  const readable = parses(parser, standIn);
  if (readable) await readSql(parser, standIn, { ...reading, line, changes: read });
  if (!readable || read.problems.length > 0 || namesComputed(read)) {
    unread(reading, line, `a dynamic EXECUTE is not read: ${shown(expression)}`, written);
    return;
  }
  const { changes } = reading;
  changes.created.push(...read.created);
  changes.dropped.push(...read.dropped);
  changes.renamed.push(...read.renamed);
  if (read.createdIfAbsent) (changes.createdIfAbsent ??= []).push(...read.createdIfAbsent);
  if (read.mayCreate) (changes.mayCreate ??= []).push(...read.mayCreate);
}

function option(options: Node[] | undefined, name: string): Node | undefined {
  for (const item of options ?? []) if ('DefElem' in item && item.DefElem.defname === name) return item.DefElem.arg;
  return undefined;
}

function stringOf(node: Node | undefined): string | null {
  if (!node) return null;
  if ('String' in node) return node.String.sval ?? null;
  const [first] = 'List' in node ? (node.List.items ?? []) : [];
  return first && 'String' in first ? (first.String.sval ?? null) : null;
}

/** A DO block's or a function's body, in PL/pgSQL or SQL; other languages are reported when they mention a table. */
async function readBody(parser: PostgresParser, statement: string, language: string, body: string, reading: Reading, line: number): Promise<void> {
  const what = reading.inFunction ? 'its body' : 'a DO block';
  if (language === 'sql') {
    await readSql(parser, body, { ...reading, line });
    return;
  }
  if (language !== 'plpgsql') {
    if (/\bTABLE\b/i.test(body)) unread(reading, line, `${what} in language ${language} is not read`, body);
    return;
  }
  let statements: ReturnType<typeof bodyStatements>;
  try {
    statements = bodyStatements(parser.parsePlPgSql(statement));
  } catch (error) {
    unread(reading, line, `PL/pgSQL the parser rejects in ${what}: ${(error as Error).message}`, body);
    return;
  }
  for (const inner of statements) {
    const at = line + inner.line - 1;
    const within = { ...reading, line: at, conditional: reading.conditional || inner.conditional };
    if (inner.kind === 'sql') await readSql(parser, inner.text, within);
    else await readExecute(parser, inner.text, within, at);
  }
}

const tableKinds = new Set(['OBJECT_TABLE', 'OBJECT_FOREIGN_TABLE']);

/** A table renamed or moved to another schema; in a function's body it only may appear under its new name. */
function move(reading: Reading, from: string, to: string): void {
  if (reading.inFunction) create(reading, to, true);
  else reading.changes.renamed.push({ from, to });
}

function drop(reading: Reading, objects: Node[]): void {
  // A function's DROP happens only when it is called: the analysis does not guess that it was.
  if (reading.inFunction) return;
  for (const object of objects) {
    const parts = ('List' in object ? (object.List.items ?? []) : []).map((item) => ('String' in item ? (item.String.sval ?? '') : ''));
    reading.changes.dropped.push(parts.length > 1 ? tableName(parts[0], parts[1] as string) : (parts[0] ?? ''));
  }
}

async function readStatement(parser: PostgresParser, node: Node, statement: string, reading: Reading, line: number): Promise<void> {
  if ('CreateStmt' in node || 'CreateForeignTableStmt' in node) {
    const { relation, if_not_exists } = ('CreateStmt' in node ? node.CreateStmt : node.CreateForeignTableStmt.base) ?? {};
    if (relation?.relname) create(reading, tableName(relation.schemaname, relation.relname), if_not_exists);
  } else if ('CreateTableAsStmt' in node && node.CreateTableAsStmt.objtype !== 'OBJECT_MATVIEW') {
    const rel = node.CreateTableAsStmt.into?.rel;
    if (rel?.relname) create(reading, tableName(rel.schemaname, rel.relname), node.CreateTableAsStmt.if_not_exists);
  } else if ('SelectStmt' in node && node.SelectStmt.intoClause?.rel?.relname) {
    // SELECT … INTO new_table creates it, as CREATE TABLE AS does.
    const { schemaname, relname } = node.SelectStmt.intoClause.rel;
    create(reading, tableName(schemaname, relname), false);
  } else if ('DropStmt' in node && tableKinds.has(node.DropStmt.removeType ?? '')) {
    drop(reading, node.DropStmt.objects ?? []);
  } else if ('DropStmt' in node && node.DropStmt.removeType === 'OBJECT_SCHEMA' && node.DropStmt.behavior === 'DROP_CASCADE') {
    unread(reading, line, 'DROP SCHEMA … CASCADE drops the tables in it, which the analysis does not follow', '');
  } else if ('RenameStmt' in node && tableKinds.has(node.RenameStmt.renameType ?? '') && node.RenameStmt.relation?.relname && node.RenameStmt.newname) {
    const { schemaname, relname } = node.RenameStmt.relation;
    move(reading, tableName(schemaname, relname), tableName(schemaname, node.RenameStmt.newname));
  } else if ('AlterObjectSchemaStmt' in node && tableKinds.has(node.AlterObjectSchemaStmt.objectType ?? '') && node.AlterObjectSchemaStmt.relation?.relname) {
    const { relation, newschema } = node.AlterObjectSchemaStmt;
    const name = relation.relname as string;
    move(reading, tableName(relation.schemaname, name), tableName(newschema, name));
  } else if ('CallStmt' in node) {
    called(reading, functionName(node.CallStmt.funccall?.funcname));
  } else if ('SelectStmt' in node && !node.SelectStmt.intoClause) {
    for (const target of node.SelectStmt.targetList ?? []) {
      const value = 'ResTarget' in target ? target.ResTarget.val : undefined;
      if (value && 'FuncCall' in value) called(reading, functionName(value.FuncCall.funcname));
    }
  } else if ('DoStmt' in node) {
    const { args } = node.DoStmt;
    const body = stringOf(option(args, 'as'));
    const language = (stringOf(option(args, 'language')) ?? 'plpgsql').toLowerCase();
    if (body !== null) await readBody(parser, statement, language, body, reading, line);
  } else if ('CreateFunctionStmt' in node) {
    const { options, funcname } = node.CreateFunctionStmt;
    const body = stringOf(option(options, 'as'));
    const language = (stringOf(option(options, 'language')) ?? 'sql').toLowerCase();
    if (body !== null) await readBody(parser, statement, language, body, { ...reading, inFunction: functionName(funcname) }, line);
  }
}

async function readSql(parser: PostgresParser, sql: string, reading: Reading): Promise<void> {
  const lineOf = lineCounter(sql);
  for (const statement of await splitStatementsYielding(sql)) {
    // Lines are counted from the statement's first word, for messages and for the PL/pgSQL parser's own.
    const text = statement.sql.replace(leadingComments, '');
    if (!mayChangeTables(text, functionsOf(reading.changes))) continue;
    const line = reading.line + lineOf(statement.offset + statement.sql.length - text.length) - 1;
    let nodes: Node[];
    try {
      nodes = (parser.parse(text).stmts ?? []).flatMap((raw) => (raw.stmt ? [raw.stmt] : []));
    } catch (error) {
      unread(reading, line, `SQL the PostgreSQL parser rejects: ${(error as Error).message}`, text);
      continue;
    }
    for (const node of nodes) await readStatement(parser, node, text, reading, line);
  }
}

/** Adds what `sql` does to the set of tables to `changes`, statement by statement. */
export function readSqlTables(parser: PostgresParser, sql: string, place: SqlPlace, changes: TableChanges): Promise<void> {
  return readSql(parser, sql, { ...place, changes, inFunction: null, conditional: false });
}
