// Splits a SQL body into statements (for bodies that run outside a transaction, for SQLite, and to
// point at the failing one), and turns offsets into file lines and columns for error messages.

export interface SqlStatement {
  sql: string;
  /** Offset of the statement's first character in the body. */
  offset: number;
}

const triggerStart = /^\s*CREATE\s+(?:TEMP\s+|TEMPORARY\s+)?TRIGGER\b/i;

/**
 * Respects '…' and "…" quotes, $tag$…$tag$ bodies, -- and nested /* *\/ comments, and SQLite trigger
 * bodies (BEGIN … END;). Empty statements and comment-only tails are dropped.
 */
export function splitStatements(sql: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const text = sql.slice(start, end);
    const lead = text.length - text.trimStart().length;
    if (stripComments(text).trim() !== '') statements.push({ sql: text.trim(), offset: start + lead });
    start = end + 1;
  };
  while (i < sql.length) {
    const c = sql[i] as string;
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
    } else if (c === '/' && next === '*') {
      let depth = 1;
      i += 2;
      while (i < sql.length && depth > 0) {
        if (sql.startsWith('/*', i)) {
          depth += 1;
          i += 2;
        } else if (sql.startsWith('*/', i)) {
          depth -= 1;
          i += 2;
        } else {
          i += 1;
        }
      }
    } else if (c === "'" || c === '"') {
      i += 1;
      while (i < sql.length) {
        if (sql[i] === c && sql[i + 1] === c) i += 2;
        else if (sql[i] === c) break;
        else i += 1;
      }
      i += 1;
    } else if (c === '$' && /^\$[A-Za-z_]?\w*\$/.test(sql.slice(i))) {
      const tag = (/^\$[A-Za-z_]?\w*\$/.exec(sql.slice(i)) as RegExpExecArray)[0];
      const end = sql.indexOf(tag, i + tag.length);
      i = end === -1 ? sql.length : end + tag.length;
    } else if (c === ';') {
      const sofar = sql.slice(start, i);
      if (triggerStart.test(stripComments(sofar)) && !/\bEND\s*$/i.test(stripComments(sofar))) {
        i += 1;
        continue;
      }
      push(i);
      i += 1;
    } else {
      i += 1;
    }
  }
  push(sql.length);
  return statements;
}

function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
}

/** 1-based line and column of `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}
