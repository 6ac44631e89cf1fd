// The names PostgreSQL makes up for objects a migration did not name (`orders_pkey`,
// `orders_customer_id_fkey`, `orders_id_seq`…), rebuilt the way the server builds them, so the model
// can tell a chosen name from a generated one and the diff need not count the latter.

/** PostgreSQL's NAMEDATALEN - 1: the longest identifier, in bytes. */
const maxNameBytes = 63;
const encoder = new TextEncoder();

/** Bytes in UTF-8; most names are ASCII, whose length is their size, and this runs for every constraint and index. */
function byteLength(text: string): number {
  // eslint-disable-next-line no-control-regex -- ASCII is exactly \x00-\x7f
  return /^[\x00-\x7f]*$/.test(text) ? text.length : encoder.encode(text).length;
}

/** The longest prefix of `text` within `bytes`, never cutting a character (pg_mbcliplen). */
function clip(text: string, bytes: number): string {
  if (byteLength(text) <= bytes) return text;
  let result = '';
  let size = 0;
  for (const char of text) {
    size += byteLength(char);
    if (size > bytes) break;
    result += char;
  }
  return result;
}

/**
 * makeObjectName of PostgreSQL's indexcmds.c: `name1_name2_label`, the longer of name1 and name2
 * shortened first until it fits in 63 bytes.
 */
export function makeObjectName(name1: string, name2: string | null, label: string): string {
  const overhead = (name2 === null ? 0 : 1) + label.length + 1;
  const available = maxNameBytes - overhead;
  let name1Bytes = byteLength(name1);
  let name2Bytes = name2 === null ? 0 : byteLength(name2);
  while (name1Bytes + name2Bytes > available) {
    if (name1Bytes > name2Bytes) name1Bytes -= 1;
    else name2Bytes -= 1;
  }
  const first = clip(name1, name1Bytes);
  return name2 === null ? `${first}_${label}` : `${first}_${clip(name2, name2Bytes)}_${label}`;
}

/**
 * True when `name` is one the server would have chosen: the plain name, or one with a number after
 * the label (ChooseRelationName's way out of a collision).
 */
export function isServerChosenName(name: string, table: string, columns: readonly string[] | null, label: string): boolean {
  const middle = columns === null || columns.length === 0 ? null : columns.join('_');
  if (makeObjectName(table, middle, label) === name) return true;
  const numbered = /^(.*?)(\d+)$/.exec(name);
  return numbered !== null && makeObjectName(table, middle, `${label}${numbered[2]}`) === name;
}
