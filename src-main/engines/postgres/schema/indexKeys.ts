// An index's key and INCLUDE columns as pg_get_indexdef prints them (`lower(name)`, `qty DESC NULLS
// LAST`, an opclass or collation when not the default), cut from the one statement it prints per
// index: a call per key column (pg_get_indexdef(oid, n, true)) made the catalog read grow with them.

/** Where each top-level item of the parenthesis at `open` starts and ends; quotes and nesting respected. */
function itemsOf(text: string, open: number): { items: string[]; close: number } {
  const items: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let at = open; at < text.length; at += 1) {
    const char = text[at];
    if (char === '"' || char === "'") {
      // A doubled quote inside continues the same quoted run, so skipping to the next quote twice is right.
      at = text.indexOf(char, at + 1);
      if (at < 0) break;
    } else if (char === '(') depth += 1;
    else if (char === ')') {
      depth -= 1;
      if (depth === 0) {
        items.push(text.slice(start, at).trim());
        return { items, close: at };
      }
    } else if (char === ',' && depth === 1) {
      items.push(text.slice(start, at).trim());
      start = at + 1;
    }
  }
  return { items, close: text.length };
}

/** `definition` is pg_get_indexdef's; `using` is ` USING <method> (`, which follows the quoted table name. */
export function indexKeys(definition: string, method: string): { columns: string[]; include: string[] } {
  const marker = ` USING ${method} (`;
  const at = definition.indexOf(marker);
  if (at < 0) return { columns: [], include: [] };
  const keys = itemsOf(definition, at + marker.length - 1);
  const rest = definition.slice(keys.close + 1);
  const include = rest.startsWith(' INCLUDE (') ? itemsOf(rest, ' INCLUDE '.length).items : [];
  return { columns: keys.items, include };
}
