// Splits a SQL body into statements (for bodies that run outside a transaction, for SQLite, and to
// point at the failing one), and turns offsets into file lines and columns for error messages.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

export interface SqlStatement {
  sql: string;
  /** Offset of the statement's first character in the body. */
  offset: number;
}

/** A statement whose BEGIN opens a body (SQLite triggers); BEGIN ATOMIC is known by its second word. */
const triggerHeader = /^CREATE (?:OR REPLACE )?(?:TEMP |TEMPORARY )?TRIGGER$/;
const dollarTag = /\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/y;

/** Letters, digits, _ and $ (and anything beyond ASCII, as PostgreSQL's identifiers allow). */
function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code > 127;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

const [dash, slash, star, quote, doubleQuote, dollar, semicolon, backslash] = ['-', '/', '*', "'", '"', '$', ';', '\\'].map((ch) => ch.charCodeAt(0));
const letterE = 'e'.charCodeAt(0);
const [openParenthesis, closeParenthesis] = ['(', ')'].map((ch) => ch.charCodeAt(0));

/** Just past the end of the (nested) /* … *\/ comment starting at `start`. */
function blockCommentEnd(sql: string, start: number): number {
  let nesting = 1;
  let i = start + 2;
  while (i < sql.length && nesting > 0) {
    const c = sql.charCodeAt(i);
    if (c === slash && sql.charCodeAt(i + 1) === star) {
      nesting += 1;
      i += 2;
    } else if (c === star && sql.charCodeAt(i + 1) === slash) {
      nesting -= 1;
      i += 2;
    } else {
      i += 1;
    }
  }
  return i;
}

/** Just past the '…' or "…" starting at `start`, where a doubled quote stands for one. */
function quotedEnd(sql: string, start: number, mark: string): number {
  let i = start + 1;
  for (;;) {
    const end = sql.indexOf(mark, i);
    if (end === -1) return sql.length;
    if (sql[end + 1] !== mark) return end + 1;
    i = end + 2;
  }
}

/** Just past the E'…' string starting at `start` (its quote), where a backslash escapes. */
function escapedStringEnd(sql: string, start: number): number {
  let i = start + 1;
  while (i < sql.length) {
    const c = sql.charCodeAt(i);
    if (c === backslash) i += 2;
    else if (c === quote && sql.charCodeAt(i + 1) === quote) i += 2;
    else if (c === quote) return i + 1;
    else i += 1;
  }
  return sql.length;
}

const bodyWords = new Set(['BEGIN', 'ATOMIC', 'CASE', 'END']);
const bodyInitials = new Set([...bodyWords].map((word) => word.charCodeAt(0)));

/**
 * The word from `start` to `end` in upper case when it may matter here, else ''. Upper-casing every
 * identifier and value would cost most of the split for nothing.
 */
function keywordAt(sql: string, start: number, end: number, anyWord: boolean): string {
  const length = end - start;
  if (length > 9) return '';
  if (!anyWord && (length < 3 || length > 6 || !bodyInitials.has(sql.charCodeAt(start) & ~0x20))) return '';
  const word = sql.slice(start, end).toUpperCase();
  return anyWord || bodyWords.has(word) ? word : '';
}

/**
 * Respects '…', E'…' and "…" quotes, $tag$…$tag$ bodies, -- and nested /* *\/ comments, parentheses,
 * SQLite trigger bodies (BEGIN … END;) and PostgreSQL's BEGIN ATOMIC … END. Empty statements and
 * comment-only tails are dropped. One pass that looks at each character a bounded number of times:
 * the time grows with the length of the body, never with the square of its statements.
 */
export function splitStatements(sql: string): SqlStatement[] {
  const scanner = statementScanner(sql);
  scanner.scanTo(sql.length);
  return scanner.finish();
}

/** Big bodies take a while even in one pass: this one lets other work (the host's requests) run between megabytes. */
export async function splitStatementsYielding(sql: string, chunk = 1 << 20): Promise<SqlStatement[]> {
  const scanner = statementScanner(sql);
  for (let limit = chunk; !scanner.scanTo(limit); limit += chunk) await yieldToEventLoop();
  return scanner.finish();
}

interface StatementScanner {
  /** Scans on to about `limit` (a quote or comment may carry it further); true at the end of the text. */
  scanTo(limit: number): boolean;
  finish(): SqlStatement[];
}

function statementScanner(sql: string): StatementScanner {
  const statements: SqlStatement[] = [];
  let start = 0;
  /** Offset of the statement's first character that is not space or comment, or -1. */
  let firstContent = -1;
  // The first words of the statement (up to five), to recognise CREATE … TRIGGER; null once it cannot be.
  let header: string | null = '';
  let words = 0;
  let trigger = false;
  let previousWord = '';
  /** BEGIN … END (and CASE … END inside them) nesting of a body; `;` splits only outside. */
  let depth = 0;
  /** Open parentheses: as in psql (paren_depth in its psqlscan.l), `;` inside them (CREATE RULE … DO (INSERT …; INSERT …)) does not end the statement. */
  let parentheses = 0;
  const push = (end: number) => {
    if (firstContent !== -1) {
      const text = sql.slice(start, end);
      const lead = text.length - text.trimStart().length;
      statements.push({ sql: text.trim(), offset: start + lead });
    }
    start = end + 1;
    firstContent = -1;
    header = '';
    words = 0;
    trigger = false;
    previousWord = '';
    depth = 0;
    parentheses = 0;
  };
  const content = (at: number) => {
    if (firstContent === -1) firstContent = at;
  };
  let i = 0;
  const scanTo = (limit: number): boolean => {
    while (i < sql.length && i < limit) {
      const c = sql.charCodeAt(i);
      const next = sql.charCodeAt(i + 1);
      if (c === dash && next === dash) {
        const end = sql.indexOf('\n', i);
        i = end === -1 ? sql.length : end + 1;
      } else if (c === slash && next === star) {
        i = blockCommentEnd(sql, i);
      } else if (c === quote || c === doubleQuote) {
        content(i);
        // E'…' strings take backslash escapes: E'it\'s' is one string.
        const escapes = c === quote && i > 0 && (sql.charCodeAt(i - 1) | 0x20) === letterE && (i < 2 || !isWordChar(sql.charCodeAt(i - 2)));
        i = escapes ? escapedStringEnd(sql, i) : quotedEnd(sql, i, sql[i] as string);
        previousWord = '';
      } else if (c === dollar && (i === 0 || !isWordChar(sql.charCodeAt(i - 1))) && ((dollarTag.lastIndex = i), dollarTag.test(sql))) {
        content(i);
        const tag = sql.slice(i, dollarTag.lastIndex);
        const end = sql.indexOf(tag, dollarTag.lastIndex);
        i = end === -1 ? sql.length : end + tag.length;
        previousWord = '';
      } else if (c === semicolon) {
        if (depth === 0 && parentheses === 0) push(i);
        i += 1;
      } else if (isWordChar(c)) {
        content(i);
        let end = i + 1;
        while (end < sql.length && isWordChar(sql.charCodeAt(end))) end += 1;
        const word = keywordAt(sql, i, end, header !== null || depth > 0);
        if (header !== null) {
          header = words === 0 ? word : `${header} ${word}`;
          words += 1;
          if (word === 'TRIGGER') trigger = triggerHeader.test(header);
          // Only CREATE [OR REPLACE] [TEMP|TEMPORARY] TRIGGER matters; stop collecting otherwise.
          if (trigger || words === 5 || header.slice(0, 6) !== 'CREATE') header = null;
        }
        if (word === 'BEGIN' && trigger) depth += 1;
        else if (word === 'ATOMIC' && previousWord === 'BEGIN' && !trigger) depth += 1;
        else if (word === 'CASE' && depth > 0) depth += 1;
        else if (word === 'END' && depth > 0) depth -= 1;
        previousWord = word;
        i = end;
      } else {
        if (!isSpace(c)) {
          content(i);
          previousWord = '';
          if (c === openParenthesis) parentheses += 1;
          else if (c === closeParenthesis && parentheses > 0) parentheses -= 1;
        }
        i += 1;
      }
    }
    return i >= sql.length;
  };
  return {
    scanTo,
    finish() {
      push(sql.length);
      return statements;
    },
  };
}

/** 1-based line and column of `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

/**
 * 1-based lines of offsets asked in increasing order, counted on from the previous answer: lineAndColumn
 * for each statement of a big body would read the body again each time.
 */
export function lineCounter(text: string): (offset: number) => number {
  let counted = 0;
  let line = 1;
  return (offset) => {
    for (let newline = text.indexOf('\n', counted); newline !== -1 && newline < offset; newline = text.indexOf('\n', newline + 1)) line += 1;
    counted = Math.max(counted, offset);
    return line;
  };
}
