// Reads the few Python literals an Alembic header may hold (a string, None, a tuple or list of
// strings) without running Python: the migration files of a project are never imported. A header
// may also name a constant (`cli.CONTRACT_BRANCH`): read as a name, for the caller to look up.

export type PythonLiteral = string | null | PythonLiteral[];

/** A dotted name where a value was expected (`SOME_CONSTANT`, `cli.CONTRACT_BRANCH`). */
export interface PythonName {
  name: string;
  /** Index of the name in the text. */
  index: number;
}

export type PythonValue = string | null | PythonName | PythonValue[];

export interface LiteralRead {
  value: PythonLiteral;
  /** Index just after the literal. */
  end: number;
}

export interface ValueRead {
  value: PythonValue;
  /** Index just after the value. */
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

/** Length of the prefix and opening quote of a string literal at `index` (`r"`, `'''`), or null. */
function stringOpening(text: string, index: number): { length: number; quote: string; raw: boolean } | null {
  let i = index;
  const prefix = text[i];
  if (prefix === 'r' || prefix === 'R' || prefix === 'u' || prefix === 'U') i += 1;
  const c = text[i];
  if (c !== '"' && c !== "'") return null;
  const quote = text[i + 1] === c && text[i + 2] === c ? c.repeat(3) : c;
  return { length: i - index + quote.length, quote, raw: i > index && (prefix === 'r' || prefix === 'R') };
}

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
  const opening = stringOpening(text, index);
  if (!opening) throw new LiteralError('expected a string', index);
  const { quote, raw } = opening;
  const start = index + opening.length;
  // Fast path: revision ids hold no escapes, so the value is the text up to the closing quote.
  const close = text.indexOf(quote, start);
  if (close !== -1) {
    const value = text.slice(start, close);
    if (!value.includes('\\') && (quote.length === 3 || !value.includes('\n'))) return { value, end: close + quote.length };
  }
  let i = start;
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

function readSequence(text: string, index: number, names: boolean): ValueRead {
  const open = text[index];
  const close = open === '(' ? ')' : ']';
  const items: PythonValue[] = [];
  let sawComma = false;
  let i = skipSpace(text, index + 1, true);
  while (text[i] !== close) {
    if (i >= text.length) throw new LiteralError(`missing "${close}"`, index);
    const item = readValue(text, i, true, names);
    items.push(item.value);
    i = skipSpace(text, item.end, true);
    if (text[i] === ',') {
      sawComma = true;
      i = skipSpace(text, i + 1, true);
    } else if (i >= text.length) {
      throw new LiteralError(`missing "${close}"`, index);
    } else if (text[i] !== close) {
      throw new LiteralError(`expected "," or "${close}"`, i);
    }
  }
  // `("abc")` is a parenthesised string in Python, not a tuple.
  if (open === '(' && items.length === 1 && !sawComma) return { value: items[0] ?? null, end: i + 1 };
  return { value: items, end: i + 1 };
}

const dottedName = /[A-Za-z_]\w*(?:[ \t]*\.[ \t]*[A-Za-z_]\w*)*/y;

function readValue(text: string, index: number, acrossLines: boolean, names: boolean): ValueRead {
  const i = skipSpace(text, index, acrossLines);
  const c = text[i];
  if (c === '(' || c === '[') return readSequence(text, i, names);
  if (text.startsWith('None', i) && !/\w/.test(text[i + 4] ?? '')) return { value: null, end: i + 4 };
  if (stringOpening(text, i)) return readString(text, i);
  if (names) {
    dottedName.lastIndex = i;
    const name = dottedName.exec(text);
    if (name) return { value: { name: name[0].replace(/[ \t]/g, ''), index: i }, end: i + name[0].length };
  }
  throw new LiteralError(names ? 'not a literal string, tuple, list, None or a name' : 'not a literal string, tuple, list or None', i);
}

function readWholeValue(text: string, index: number, names: boolean): ValueRead {
  const read = readValue(text, index, false, names);
  const after = skipSpace(text, read.end, false);
  if (after < text.length && text[after] !== '\n' && text[after] !== '#' && text[after] !== ';') {
    throw new LiteralError('unexpected text after the value', after);
  }
  return read;
}

/** Reads the literal starting at `index`; the rest of its line must be blank or a comment. */
export function readPythonLiteral(text: string, index: number): LiteralRead {
  return readWholeValue(text, index, false) as LiteralRead;
}

/** As readPythonLiteral, and a dotted name is read as a name (a constant to look up), in a tuple or list too. */
export function readPythonValue(text: string, index: number): ValueRead {
  return readWholeValue(text, index, true);
}

/** Reads a string literal (a docstring) starting exactly at `index`, or returns null. */
export function readStringAt(text: string, index: number): LiteralRead | null {
  if (!stringOpening(text, index)) return null;
  try {
    return readString(text, index);
  } catch {
    return null;
  }
}
