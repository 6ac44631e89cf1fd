// Statements PostgreSQL refuses to run inside a transaction block, found from the parse tree, so a
// string or a comment that mentions CONCURRENTLY is not one. The runner asks before a transactional
// revision's first statement runs, so such a revision is refused (or run outside a transaction, where
// its tool would) instead of failing halfway.
import type { Node, RawStmt } from 'libpg-query';
import { loadParser } from './postgresParser';
import { lineAndColumn } from './sqlStatements';

export interface RefusedInTransaction {
  /** The statement's text, as written. */
  statement: string;
  /** 1-based line of its first word in the body. */
  line: number;
  /** Offset of its first word in the body. */
  offset: number;
  /** PostgreSQL's own words for the refusal, e.g. "CREATE INDEX CONCURRENTLY cannot run inside a transaction block". */
  why: string;
}

/** From PostgreSQL 12 on, ALTER TYPE … ADD VALUE runs inside a transaction (release notes of 12, "E.x.3.1"). */
const enumValueInTransactionSince = 120000;

// Every statement below has one of these words; a body without any never loads the parser.
const keywords = /\b(?:CONCURRENTLY|VACUUM|DATABASE|SYSTEM|REINDEX|TABLESPACE|VALUE|DISCARD|CLUSTER)\b/i;

/** False when `sql` cannot hold a statement PostgreSQL refuses inside a transaction; true means "parse to know". */
export function mayRefuseTransaction(sql: string): boolean {
  return keywords.test(sql);
}

const refused = (what: string) => `${what} cannot run inside a transaction block`;

/** `REINDEX (CONCURRENTLY)` and `(CONCURRENTLY true)` ask for it; `(CONCURRENTLY false)` does not. */
function asksConcurrently(params: Node[] | undefined): boolean {
  return (params ?? []).some((param) => {
    if (!('DefElem' in param) || param.DefElem.defname !== 'concurrently') return false;
    const arg = param.DefElem.arg;
    if (!arg) return true;
    if ('Boolean' in arg) return arg.Boolean.boolval === true;
    if ('String' in arg) return !['false', 'off', '0'].includes((arg.String.sval ?? '').toLowerCase());
    if ('Integer' in arg) return arg.Integer.ival !== 0 && arg.Integer.ival !== undefined;
    return true;
  });
}

const reindexesMany: Record<string, string> = {
  REINDEX_OBJECT_SCHEMA: 'REINDEX SCHEMA',
  REINDEX_OBJECT_SYSTEM: 'REINDEX SYSTEM',
  REINDEX_OBJECT_DATABASE: 'REINDEX DATABASE',
};

/** Why PostgreSQL refuses `node` inside a transaction block (the checks of its utility.c and commands/), or null. */
function refusal(node: Node, serverVersionNum: number | undefined): string | null {
  if ('IndexStmt' in node) return node.IndexStmt.concurrent ? refused('CREATE INDEX CONCURRENTLY') : null;
  if ('DropStmt' in node) return node.DropStmt.concurrent ? refused('DROP INDEX CONCURRENTLY') : null;
  if ('ReindexStmt' in node) {
    if (asksConcurrently(node.ReindexStmt.params)) return refused('REINDEX CONCURRENTLY');
    const many = reindexesMany[node.ReindexStmt.kind ?? ''];
    return many ? refused(many) : null;
  }
  if ('VacuumStmt' in node) return node.VacuumStmt.is_vacuumcmd ? refused('VACUUM') : null;
  if ('CreatedbStmt' in node) return refused('CREATE DATABASE');
  if ('DropdbStmt' in node) return refused('DROP DATABASE');
  if ('AlterDatabaseStmt' in node) {
    const movesDatabase = (node.AlterDatabaseStmt.options ?? []).some((option) => 'DefElem' in option && option.DefElem.defname === 'tablespace');
    return movesDatabase ? refused('ALTER DATABASE SET TABLESPACE') : null;
  }
  if ('AlterSystemStmt' in node) return refused('ALTER SYSTEM');
  if ('CreateTableSpaceStmt' in node) return refused('CREATE TABLESPACE');
  if ('DropTableSpaceStmt' in node) return refused('DROP TABLESPACE');
  if ('ClusterStmt' in node) return node.ClusterStmt.relation ? null : refused('CLUSTER without a table name');
  if ('DiscardStmt' in node) return node.DiscardStmt.target === 'DISCARD_ALL' ? refused('DISCARD ALL') : null;
  if ('AlterTableStmt' in node) {
    const detachesConcurrently = (node.AlterTableStmt.cmds ?? []).some(
      (cmd) =>
        'AlterTableCmd' in cmd &&
        cmd.AlterTableCmd.subtype === 'AT_DetachPartition' &&
        cmd.AlterTableCmd.def !== undefined &&
        'PartitionCmd' in cmd.AlterTableCmd.def &&
        cmd.AlterTableCmd.def.PartitionCmd.concurrent === true,
    );
    return detachesConcurrently ? refused('ALTER TABLE … DETACH PARTITION … CONCURRENTLY') : null;
  }
  if ('AlterEnumStmt' in node) {
    // RENAME VALUE names the old value; ADD VALUE does not.
    const addsValue = node.AlterEnumStmt.newVal !== undefined && node.AlterEnumStmt.oldVal === undefined;
    const before12 = serverVersionNum !== undefined && serverVersionNum < enumValueInTransactionSince;
    return addsValue && before12 ? `${refused('ALTER TYPE … ADD VALUE')} before PostgreSQL 12` : null;
  }
  return null;
}

/** The parser's locations count UTF-8 bytes; the body's callers count characters. */
function bodyText(sql: string): { slice(start: number, end?: number): string; offset(bytes: number): number } {
  const bytes = Buffer.from(sql, 'utf8');
  if (bytes.length === sql.length) return { slice: (start, end) => sql.slice(start, end), offset: (at) => at };
  return { slice: (start, end) => bytes.subarray(start, end).toString('utf8'), offset: (at) => bytes.subarray(0, at).toString('utf8').length };
}

function finding(text: ReturnType<typeof bodyText>, sql: string, raw: RawStmt, why: string): RefusedInTransaction {
  const start = raw.stmt_location ?? 0;
  const offset = text.offset(start);
  const statement = text.slice(start, raw.stmt_len ? start + raw.stmt_len : undefined).trim();
  return { statement, line: lineAndColumn(sql, offset).line, offset, why };
}

/**
 * The statements of `sql` PostgreSQL refuses inside a transaction block, in body order. ALTER TYPE …
 * ADD VALUE counts only when `serverVersionNum` (`server_version_num`) says the server is older than
 * 12. SQL the parser rejects gives no findings: static analysis reports it, and the server will too.
 */
export async function statementsRefusingTransaction(sql: string, serverVersionNum?: number): Promise<RefusedInTransaction[]> {
  if (!mayRefuseTransaction(sql)) return [];
  const parse = await loadParser();
  let statements: RawStmt[];
  try {
    statements = parse(sql).stmts ?? [];
  } catch {
    return [];
  }
  const text = bodyText(sql);
  const found: RefusedInTransaction[] = [];
  for (const raw of statements) {
    const why = raw.stmt ? refusal(raw.stmt, serverVersionNum) : null;
    if (why) found.push(finding(text, sql, raw, why));
  }
  return found;
}
