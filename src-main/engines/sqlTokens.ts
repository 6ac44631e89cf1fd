// Shared by the engines' schema code. SQLite keeps each object's CREATE statement as it was typed. What the pragmas do not say (check
// constraints, generated expressions, collations, a trigger's parts, an index's expressions) is read
// from that text with this small tokenizer: quotes, comments and nested parentheses are respected,
// so a keyword inside a string or a quoted name is never taken for one.

export interface SqlToken {
  /** `word` (bare identifier or keyword), `quoted` ("x", `x`, [x]), `string` ('x'), `open`, `close`, or `symbol`. */
  type: 'word' | 'quoted' | 'string' | 'open' | 'close' | 'symbol';
  text: string;
  start: number;
  end: number;
}

const closing: Record<string, string> = { '"': '"', '`': '`', '[': ']', "'": "'" };

function endOfQuote(sql: string, start: number): number {
  const close = closing[sql[start] ?? ''] ?? '';
  let at = start + 1;
  while (at < sql.length) {
    if (sql[at] === close) {
      // A doubled quote is the quote itself ('' and ""), except for [brackets].
      if (close !== ']' && sql[at + 1] === close) at += 2;
      else return at + 1;
    } else at += 1;
  }
  return sql.length;
}

export function tokenize(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let at = 0;
  while (at < sql.length) {
    const char = sql[at] ?? '';
    if (/\s/.test(char)) at += 1;
    else if (sql.startsWith('--', at)) at = sql.includes('\n', at) ? sql.indexOf('\n', at) + 1 : sql.length;
    else if (sql.startsWith('/*', at)) at = sql.includes('*/', at + 2) ? sql.indexOf('*/', at + 2) + 2 : sql.length;
    else if (char in closing) {
      const end = endOfQuote(sql, at);
      tokens.push({ type: char === "'" ? 'string' : 'quoted', text: sql.slice(at, end), start: at, end });
      at = end;
    } else if (char === '(' || char === ')') {
      tokens.push({ type: char === '(' ? 'open' : 'close', text: char, start: at, end: at + 1 });
      at += 1;
    } else {
      const word = /^[\p{L}\p{N}_$]+/u.exec(sql.slice(at))?.[0];
      const operator = /^(?:->>|->|<<|>>|<=|>=|<>|!=|==|\|\|)/.exec(sql.slice(at))?.[0];
      const text = word ?? operator ?? char;
      tokens.push({ type: word === undefined ? 'symbol' : 'word', text, start: at, end: at + text.length });
      at += text.length;
    }
  }
  return tokens;
}

/** The token `index` is the keyword `word` (any case). */
export function isWord(tokens: readonly SqlToken[], index: number, word: string): boolean {
  const token = tokens[index];
  return token?.type === 'word' && token.text.toUpperCase() === word;
}

/** Index of the `)` matching the `(` at `open`. */
export function matchingClose(tokens: readonly SqlToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i += 1) {
    if (tokens[i]?.type === 'open') depth += 1;
    else if (tokens[i]?.type === 'close') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return tokens.length - 1;
}

/** The items between the `(` at `open` and its `)`, split at top-level commas. */
export function parenthesisedItems(tokens: readonly SqlToken[], open: number): SqlToken[][] {
  const close = matchingClose(tokens, open);
  const items: SqlToken[][] = [[]];
  for (let i = open + 1; i < close; i += 1) {
    const token = tokens[i];
    if (token === undefined) break;
    if (token.type === 'open') {
      const end = matchingClose(tokens, i);
      items[items.length - 1]?.push(...tokens.slice(i, end + 1));
      i = end;
    } else if (token.type === 'symbol' && token.text === ',') items.push([]);
    else items[items.length - 1]?.push(token);
  }
  return items.filter((item) => item.length > 0);
}

const noSpaceBefore = new Set([')', ',', ';', '.']);
const noSpaceAfter = new Set(['(', '.']);
/** Words a parenthesis after keeps its space from; after any other name it is a call (`lower(x)`) or a list (`t(a)`). */
const keywords = new Set([
  'AND',
  'OR',
  'NOT',
  'IN',
  'AS',
  'ON',
  'WHEN',
  'THEN',
  'ELSE',
  'WHERE',
  'SELECT',
  'EXISTS',
  'CHECK',
  'VALUES',
  'USING',
  'FROM',
  'JOIN',
  'IS',
  'LIKE',
  'BETWEEN',
  'KEY',
]);

function spaceBetween(previous: SqlToken, token: SqlToken): boolean {
  if (noSpaceBefore.has(token.text) || noSpaceAfter.has(previous.text)) return false;
  if (token.type === 'open') return !(previous.type === 'quoted' || (previous.type === 'word' && !keywords.has(previous.text.toUpperCase())));
  return true;
}

/** Tokens back to text with one space between them, none inside parentheses, around dots or before a call's: layout never counts. */
export function spelled(tokens: readonly SqlToken[]): string {
  let text = '';
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    const space = previous !== undefined && spaceBetween(previous, token);
    text += (space ? ' ' : '') + token.text;
  });
  return text;
}

/** A statement with its whitespace and comments normalised. */
export function normalisedSql(sql: string): string {
  return spelled(tokenize(sql));
}

/** A name as written (quoted or not) as the name itself. */
export function unquoted(token: SqlToken | undefined): string {
  if (token === undefined) return '';
  if (token.type !== 'quoted') return token.text;
  const quote = token.text[0] ?? '"';
  const inner = token.text.slice(1, -1);
  return quote === '[' ? inner : inner.replaceAll(`${quote}${quote}`, quote);
}
