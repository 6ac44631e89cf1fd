// The SQL inside a PL/pgSQL body (a DO block, a function), found in the tree of PostgreSQL's own
// PL/pgSQL parser, so that static analysis reads it with the same code as top-level SQL.

/** One SQL statement of the body, or an EXECUTE whose text is an expression. */
export interface BodyStatement {
  kind: 'sql' | 'execute';
  /** The statement, or for an EXECUTE the expression that yields it (`'CREATE TABLE ' || name`). */
  text: string;
  /** 1-based line in the text handed to the PL/pgSQL parser. */
  line: number;
  /** Under IF, CASE, a loop or an exception handler: it may not run, or may fail without failing the body. */
  conditional: boolean;
}

type Tree = { [key: string]: unknown };

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null;
}

function queryOf(expression: unknown): string | null {
  if (!isTree(expression) || !isTree(expression.PLpgSQL_expr)) return null;
  const { query } = expression.PLpgSQL_expr;
  return typeof query === 'string' ? query : null;
}

/**
 * Only a plain block (BEGIN … END without EXCEPTION) runs its statements unconditionally; the rest
 * (IF, CASE, loops, a block with an exception handler) may skip them or swallow their failure.
 */
function runsEverything(kind: string, node: Tree): boolean {
  return kind === 'PLpgSQL_function' || (kind === 'PLpgSQL_stmt_block' && node.exceptions === undefined);
}

function collect(value: unknown, conditional: boolean, found: BodyStatement[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, conditional, found);
    return;
  }
  if (!isTree(value)) return;
  for (const [kind, node] of Object.entries(value)) {
    if (!isTree(node)) continue;
    const line = typeof node.lineno === 'number' ? node.lineno : 1;
    if (kind === 'PLpgSQL_stmt_execsql' || kind === 'PLpgSQL_stmt_perform') {
      // PERFORM f() is held as "SELECT f()": read as SQL, it is a call like any other.
      const text = queryOf(kind === 'PLpgSQL_stmt_perform' ? node.expr : node.sqlstmt);
      if (text !== null) found.push({ kind: 'sql', text, line, conditional });
    } else if (kind === 'PLpgSQL_stmt_dynexecute') {
      // FOR … IN EXECUTE, RETURN QUERY EXECUTE and OPEN … FOR EXECUTE run queries that return rows,
      // which never change the set of tables; EXECUTE runs anything.
      const text = queryOf(node.query);
      if (text !== null) found.push({ kind: 'execute', text, line, conditional });
    } else if (kind.startsWith('PLpgSQL_')) {
      collect(Object.values(node), conditional || !runsEverything(kind, node), found);
    }
  }
}

/** The statements of every PL/pgSQL body in `tree`, the result of libpg-query's parsePlPgSQL, in body order. */
export function bodyStatements(tree: unknown): BodyStatement[] {
  const found: BodyStatement[] = [];
  if (isTree(tree)) collect(tree.plpgsql_funcs, false, found);
  return found;
}
