// Pure: the text a squash writes — the squashed revision as a native file, a child's header pointing
// at it (the rest of the file, its BOM and line ends, byte for byte as they were), and its file name.
import type { SquashedRevision } from '../../src-shared/model/squash';
import type { SchemaSql } from '../../src-shared/schema/schemaSql';

/** A body of statements in the order they must run, each destructive one announced above it. */
function body(sql: SchemaSql): string {
  if (sql.statements.length === 0) return 'SELECT 1; -- no schema change\n';
  return sql.statements.map((s) => `${s.destroys === null ? '' : `-- DESTRUCTIVE: destroys ${s.destroys}\n`}${s.sql};\n`).join('');
}

/** SQL that holds its own transaction (an enum's labels committed first, SQLite's rebuild) runs outside the runner's. */
function marker(direction: 'up' | 'down', sql: SchemaSql): string {
  return `-- migrate:${direction}${sql.ownTransaction ? ' transaction:false' : ''}\n`;
}

export function squashedRevisionText(r: SquashedRevision): string {
  const header = [
    `-- revision: ${r.id}`,
    `-- parents: ${r.parent ?? 'none'}`,
    ...(r.branchLabels.length > 0 ? [`-- branch: ${r.branchLabels.join(', ')}`] : []),
    `-- message: ${r.message}`,
  ];
  const note = `-- Squashed by Switchyard from ${r.replaces.length} revisions (${r.replaces[0]}..${r.replaces[r.replaces.length - 1]}): the net schema change of\n-- replaying them, and its reverse. Their files are in archive/ with the proof.\n`;
  return `${header.join('\n')}\n${note}${marker('up', r.up)}${body(r.up)}${marker('down', r.down)}${body(r.down)}`;
}

const parentsLine = /^(\uFEFF?--[ \t]*parents[ \t]*:[ \t]*)([^\r\n]*)/im;

/** The child's text with `from` replaced by `to` in its `-- parents:` line; null when the line does not name it. */
export function reparentedText(text: string, from: string, to: string): string | null {
  const match = parentsLine.exec(text);
  if (!match) return null;
  const value = match[2] as string;
  const parts = value.split(/([\s,]+)/);
  if (!parts.includes(from)) return null;
  const replaced = parts.map((part) => (part === from ? to : part)).join('');
  const start = match.index + (match[1] as string).length;
  return `${text.slice(0, start)}${replaced}${text.slice(start + value.length)}`;
}

function slug(message: string): string {
  return (
    message
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'squashed'
  );
}

/** Named after the first replaced file's number, so the folder still reads in order: `001_<id>_<message>.sql`. */
export function squashedFileName(firstFile: string, id: string, message: string): string {
  const number = /^(\d+)[_-]/.exec(firstFile)?.[1];
  return `${number ? `${number}_` : ''}${id}_${slug(message)}.sql`;
}
