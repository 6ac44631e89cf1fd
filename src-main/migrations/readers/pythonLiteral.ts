// Reads the few Python literals an Alembic header may hold (a string, None, a tuple or list of
// strings) without running Python: the migration files of a project are never imported.

export type PythonLiteral = string | null | PythonLiteral[];

export interface LiteralRead {
  value: PythonLiteral;
  /** Index just after the literal. */
  end: number;
}

export class LiteralError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

const stringStart = /^[rRuU]?("""|'''|"|')/;

function skipSpace(text: string, index: number, acrossLines: boolean): number {
  let i = index;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\f') i += 1;
    else if (c === '\\' && text[i + 1] === '\n') i += 2;
    else if (acrossLines && c === '\n') i += 1;
    else if (acrossLines && c === '#') {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? text.length : eol;
    } else break;
  }
  return i;
}

function readString(text: string, index: number): LiteralRead {
  const match = stringStart.exec(text.slice(index, index + 4));
  if (!match?.[1]) throw new LiteralError('expected a string', index);
  const quote = match[1];
  const raw = match[0].length > quote.length && /[rR]/.test(match[0][0] ?? '');
  let i = index + match[0].length;
  let value = '';
  while (i < text.length) {
    if (text.startsWith(quote, i)) return { value, end: i + quote.length };
    const c = text[i] as string;
    if (c === '\n' && quote.length === 1) break;
    if (c === '\\' && !raw && i + 1 < text.length) {
      const next = text[i + 1] as string;
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next === '\n' ? '' : next;
      i += 2;
    } else {
      value += c;
      i += 1;
    }
  }
  throw new LiteralError('unterminated string', index);
}

function readSequence(text: string, index: number): LiteralRead {
  const open = text[index];
  const close = open === '(' ? ')' : ']';
  const items: PythonLiteral[] = [];
  let sawComma = false;
  let i = skipSpace(text, index + 1, true);
  while (text[i] !== close) {
    if (i >= text.length) throw new LiteralError(`missing "${close}"`, index);
    const item = readValue(text, i, true);
    items.push(item.value);
    i = skipSpace(text, item.end, true);
    if (text[i] === ',') {
      sawComma = true;
      i = skipSpace(text, i + 1, true);
    } else if (text[i] !== close) {
      throw new LiteralError(`expected "," or "${close}"`, i);
    }
  }
  // `("abc")` is a parenthesised string in Python, not a tuple.
  if (open === '(' && items.length === 1 && !sawComma) return { value: items[0] ?? null, end: i + 1 };
  return { value: items, end: i + 1 };
}

function readValue(text: string, index: number, acrossLines: boolean): LiteralRead {
  const i = skipSpace(text, index, acrossLines);
  const c = text[i];
  if (c === '(' || c === '[') return readSequence(text, i);
  if (text.startsWith('None', i) && !/\w/.test(text[i + 4] ?? '')) return { value: null, end: i + 4 };
  if (stringStart.test(text.slice(i, i + 4))) return readString(text, i);
  throw new LiteralError('not a literal string, tuple, list or None', i);
}

/** Reads the literal starting at `index`; the rest of its line must be blank or a comment. */
export function readPythonLiteral(text: string, index: number): LiteralRead {
  const read = readValue(text, index, false);
  const after = skipSpace(text, read.end, false);
  if (after < text.length && text[after] !== '\n' && text[after] !== '#' && text[after] !== ';') {
    throw new LiteralError('unexpected text after the value', after);
  }
  return read;
}

/** Reads a string literal (a docstring) starting exactly at `index`, or returns null. */
export function readStringAt(text: string, index: number): LiteralRead | null {
  if (!stringStart.test(text.slice(index, index + 4))) return null;
  try {
    return readString(text, index);
  } catch {
    return null;
  }
}
