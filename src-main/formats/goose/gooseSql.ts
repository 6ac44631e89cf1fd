// One goose SQL migration's text, read with goose's own rules (pressly/goose internal/sqlparser/parser.go,
// ParseSQLMigration): annotation lines start with `--` and read exactly `+goose Up`, `+goose Down`,
// `+goose StatementBegin`, `+goose StatementEnd`, `+goose NO TRANSACTION`; a statement ends with a
// semicolon at the end of a line (outside StatementBegin/End). A file goose refuses is refused here too.
import type { SqlBody } from '../../migrations/readers/projectFiles';

export type GooseSql = { up: SqlBody; down: SqlBody } | { problem: string; line: number };

type Section = 'start' | 'up' | 'down';

/** goose's endsWithSemicolon: the last word before a `--` comment ends with `;`. */
function endsStatement(line: string): boolean {
  let last = '';
  for (const word of line.split(/\s+/)) {
    if (word.startsWith('--')) break;
    if (word !== '') last = word;
  }
  return last.endsWith(';');
}

function refused(problem: string, line: number): GooseSql {
  return { problem, line };
}

/** `text` normalised (no BOM, `\n` line ends). */
export function parseGooseSql(text: string): GooseSql {
  const lines = text.split('\n');
  let section: Section = 'start';
  let inBlock = false;
  let transaction = true;
  // Whether a statement has begun and not yet ended: goose refuses a section left so.
  let open = false;
  const bounds = { up: { from: 0, to: 0, line: 0 }, down: { from: -1, to: -1, line: 0 } };
  let offset = 0;
  for (const [index, line] of lines.entries()) {
    const number = index + 1;
    const next = offset + line.length + 1;
    const annotation = line.startsWith('--') ? line.slice(2).trim() : '';
    if (annotation === '+goose Up') {
      if (section !== 'start') return refused("duplicate '-- +goose Up' annotations", number);
      section = 'up';
      bounds.up = { from: next, to: text.length, line: number + 1 };
    } else if (annotation === '+goose Down') {
      if (section !== 'up' || inBlock) return refused("'-- +goose Down' before '-- +goose Up' (or inside a StatementBegin block)", number);
      if (open) return refused('an unfinished statement before `-- +goose Down`: missing semicolon?', number);
      section = 'down';
      bounds.up.to = offset;
      bounds.down = { from: next, to: text.length, line: number + 1 };
    } else if (annotation === '+goose StatementBegin') {
      if (section === 'start' || inBlock) return refused("'-- +goose StatementBegin' must follow '-- +goose Up' or '-- +goose Down'", number);
      inBlock = true;
    } else if (annotation === '+goose StatementEnd') {
      if (!inBlock) return refused("'-- +goose StatementEnd' must follow '-- +goose StatementBegin'", number);
      inBlock = false;
      open = false;
    } else if (annotation === '+goose NO TRANSACTION') {
      transaction = false;
    } else if (annotation === '+goose ENVSUBST ON') {
      return refused('goose substitutes environment variables in this file (ENVSUBST ON); Switchyard cannot know their values', number);
    } else if (annotation !== '+goose ENVSUBST OFF' && !(line.trim() === '' || (!open && line.trim().startsWith('--')))) {
      if (section === 'start') return refused("a statement before the '-- +goose Up' annotation", number);
      if (!inBlock) open = !endsStatement(line);
    }
    offset = next;
  }
  if (section === 'start') return refused("goose requires a migration to start with the '-- +goose Up' annotation", 1);
  if (inBlock) return refused("missing '-- +goose StatementEnd' annotation", lines.length);
  if (open) return refused('an unfinished statement at the end of the file: missing semicolon?', lines.length);
  const body = ({ from, to, line }: { from: number; to: number; line: number }): SqlBody => ({
    sql: from < 0 ? '' : text.slice(Math.min(from, text.length), to),
    line: from < 0 ? lines.length : line,
    transaction,
  });
  // No Down section: goose's down runs nothing and removes the version's row.
  return { up: body(bounds.up), down: body(bounds.down) };
}
