// SQL text with its whitespace made irrelevant, for comparing bodies that differ only in layout. Quoted
// strings and identifiers keep theirs (it is data there); elsewhere whitespace is dropped, except one
// space between two words, which it separates (`select a` must not become `selecta`).

const token = /('(?:[^']|'')*'?)|("(?:[^"]|"")*"?)|(\s+)/g;
const wordEnd = /[A-Za-z0-9_$]$/;
const wordStart = /^[A-Za-z0-9_$]/;

export function withoutWhitespace(sql: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const match of sql.matchAll(token)) {
    if (match.index > last) parts.push(sql.slice(last, match.index));
    if (match[3] === undefined) parts.push(match[0]);
    else parts.push(' ');
    last = match.index + match[0].length;
  }
  if (last < sql.length) parts.push(sql.slice(last));
  let text = '';
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] as string;
    if (part !== ' ') {
      text += part;
      continue;
    }
    const next = parts[i + 1];
    if (wordEnd.test(text) && next !== undefined && wordStart.test(next)) text += ' ';
  }
  return text;
}
