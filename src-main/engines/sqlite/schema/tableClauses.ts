// What a SQLite CREATE TABLE says that no pragma reports: check constraints, generated columns'
// expressions, columns' collations, foreign keys' DEFERRABLE, WITHOUT ROWID and STRICT.
import { isWord, matchingClose, parenthesisedItems, spelled, tokenize, unquoted, type SqlToken } from '../../sqlTokens';

export interface TableCheck {
  /** The name after CONSTRAINT, null when the check has none. */
  name: string | null;
  expression: string;
}

export interface ColumnClauses {
  collation: string | null;
  generated: { expression: string; stored: boolean } | null;
}

export interface TableClauses {
  columns: Map<string, ColumnClauses>;
  checks: TableCheck[];
  /** Foreign keys that are DEFERRABLE, by their columns joined with a comma; INITIALLY DEFERRED as the value. */
  deferrableForeignKeys: Map<string, boolean>;
  withoutRowid: boolean;
  strict: boolean;
}

const tableConstraintStarts = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN']);

/** Walks one item's top-level tokens and records the clauses a table keeps (checks, generated, collation, DEFERRABLE). */
function readItem(item: SqlToken[], column: string | null, clauses: TableClauses): void {
  let constraintName: string | null = null;
  let fkColumns: string[] = column === null ? [] : [column];
  for (let i = 0; i < item.length; i += 1) {
    const token = item[i];
    if (token === undefined) break;
    const next = item[i + 1];
    if (isWord(item, i, 'CONSTRAINT')) {
      constraintName = unquoted(next);
      i += 1;
    } else if (isWord(item, i, 'CHECK') && next?.type === 'open') {
      const close = matchingClose(item, i + 1);
      clauses.checks.push({ name: constraintName, expression: spelled(item.slice(i + 2, close)) });
      i = close;
    } else if (isWord(item, i, 'FOREIGN') && isWord(item, i + 1, 'KEY') && item[i + 2]?.type === 'open') {
      fkColumns = parenthesisedItems(item, i + 2).map((part) => unquoted(part[0]));
      i = matchingClose(item, i + 2);
    } else if (isWord(item, i, 'DEFERRABLE') && !isWord(item, i - 1, 'NOT')) {
      clauses.deferrableForeignKeys.set(fkColumns.join(','), isWord(item, i + 1, 'INITIALLY') && isWord(item, i + 2, 'DEFERRED'));
    } else if (column !== null && isWord(item, i, 'AS') && next?.type === 'open') {
      const close = matchingClose(item, i + 1);
      const entry = clauses.columns.get(column);
      if (entry) entry.generated = { expression: spelled(item.slice(i + 2, close)), stored: isWord(item, close + 1, 'STORED') };
      i = close;
    } else if (column !== null && isWord(item, i, 'COLLATE')) {
      const entry = clauses.columns.get(column);
      if (entry) entry.collation = unquoted(next);
      i += 1;
    } else if (token.type === 'open') i = matchingClose(item, i);
  }
}

export function readTableClauses(sql: string): TableClauses {
  const tokens = tokenize(sql);
  const clauses: TableClauses = { columns: new Map(), checks: [], deferrableForeignKeys: new Map(), withoutRowid: false, strict: false };
  const open = tokens.findIndex((token) => token.type === 'open');
  if (open < 0) return clauses;
  for (const item of parenthesisedItems(tokens, open)) {
    const first = item[0];
    if (first?.type === 'word' && tableConstraintStarts.has(first.text.toUpperCase())) readItem(item, null, clauses);
    else {
      const column = unquoted(first);
      clauses.columns.set(column, { collation: null, generated: null });
      readItem(item.slice(1), column, clauses);
    }
  }
  const options = tokens.slice(matchingClose(tokens, open) + 1);
  clauses.withoutRowid = options.some((token, i) => isWord(options, i, 'WITHOUT') && isWord(options, i + 1, 'ROWID') && token.type === 'word');
  clauses.strict = options.some((_, i) => isWord(options, i, 'STRICT'));
  return clauses;
}
