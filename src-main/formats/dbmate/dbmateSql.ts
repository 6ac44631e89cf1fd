// One dbmate migration file's text: an up block and a down block, each opened by its directive, as
// dbmate's own parser reads them (amacneil/dbmate pkg/dbmate/migration.go, parseMigrationContents).
import type { SqlBody } from '../../migrations/readers/projectFiles';

export type DbmateSql = { up: SqlBody; down: SqlBody } | { problem: string; line: number };

// dbmate's own expressions: the up directive may carry options, the down one a single word at most.
const upDirective = /^--\s*migrate:up(\s*$|\s+\S+)/m;
const downDirective = /^--\s*migrate:down(\s*$|\s+\S+)$/m;

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/** dbmate reads `key:value` words on the directive line; only `transaction:false`, written so, runs the block outside a transaction. */
function inTransaction(directive: string): boolean {
  const options = new Map<string, string>();
  for (const word of directive.trim().split(/\s+/)) {
    const pair = word.split(':');
    if (pair.length === 2) options.set(pair[0] as string, pair[1] as string);
  }
  return options.get('transaction') !== 'false';
}

/** The block from the line after its directive up to `end`. */
function block(text: string, directiveAt: number, end: number): SqlBody {
  const lineEnd = text.indexOf('\n', directiveAt);
  const start = lineEnd === -1 || lineEnd >= end ? end : lineEnd + 1;
  return {
    sql: text.slice(start, end),
    line: lineOf(text, directiveAt) + 1,
    transaction: inTransaction(text.slice(directiveAt, lineEnd === -1 ? end : lineEnd)),
  };
}

/** `text` normalised (no BOM, `\n` line ends); a problem is one dbmate itself refuses the file for, in its words. */
export function parseDbmateSql(text: string): DbmateSql {
  const up = upDirective.exec(text);
  const down = downDirective.exec(text);
  if (!up) return { problem: "dbmate requires each migration to define an up block with '-- migrate:up'", line: 1 };
  if (!down) return { problem: "dbmate requires each migration to define a down block with '-- migrate:down'", line: 1 };
  if (up.index > down.index) return { problem: "dbmate requires '-- migrate:up' to appear before '-- migrate:down'", line: lineOf(text, down.index) };
  const before = text.slice(0, up.index).split('\n');
  const statement = before.findIndex((line) => line.trim() !== '' && !/^\s*--/.test(line));
  if (statement !== -1) return { problem: "dbmate does not support statements preceding the '-- migrate:up' block", line: statement + 1 };
  return { up: block(text, up.index, down.index), down: block(text, down.index, text.length) };
}
