// A small SQL tokenizer for highlighting in the revision panel: keywords, strings, numbers,
// comments, quoted identifiers. It colours text; it never decides what the SQL means.

export type SqlTokenKind = 'keyword' | 'string' | 'number' | 'comment' | 'identifier' | 'text';

export interface SqlToken {
  kind: SqlTokenKind;
  text: string;
}

const keywords = new Set(
  `add all alter and as asc begin between by cascade case check column commit concurrently constraint create current_timestamp default delete desc distinct drop else end exists false foreign from function grant group having if in index insert into is join key left like limit not null on or order primary references rename replace restrict returning revoke rollback schema select sequence set table temporary then to transaction trigger true truncate type union unique update using values view when where with
  integer int bigint smallint serial bigserial text varchar char boolean real double precision numeric decimal timestamp timestamptz date time jsonb json uuid bytea`.split(
    /\s+/,
  ),
);

const pattern = /(--[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|('(?:[^']|'')*'?)|("(?:[^"]|"")*"?)|(\b\d+(?:\.\d+)?\b)|([A-Za-z_][A-Za-z0-9_$]*)/g;

export function sqlTokens(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let last = 0;
  const push = (kind: SqlTokenKind, text: string) => {
    const previous = tokens[tokens.length - 1];
    if (previous && previous.kind === kind && kind === 'text') previous.text += text;
    else tokens.push({ kind, text });
  };
  for (const match of sql.matchAll(pattern)) {
    const at = match.index;
    if (at > last) push('text', sql.slice(last, at));
    const [text, comment, string, quoted, number] = match;
    if (comment) push('comment', text);
    else if (string) push('string', text);
    else if (quoted) push('identifier', text);
    else if (number) push('number', text);
    else push(keywords.has(text.toLowerCase()) ? 'keyword' : 'text', text);
    last = at + text.length;
  }
  if (last < sql.length) push('text', sql.slice(last));
  return tokens;
}
