// The header of one Alembic revision file, read statically: `revision`, `down_revision`,
// `branch_labels`, `depends_on` in the classic and annotated forms, plus the docstring.
import { LiteralError, readPythonLiteral, readStringAt, type PythonLiteral } from './pythonLiteral';

export interface AlembicHeader {
  revision: string;
  downRevisions: string[];
  branchLabels: string[];
  dependsOn: string[];
  message: string;
  createdAt: string | null;
  /** 1-based line of the `revision` assignment. */
  line: number;
}

export type HeaderRead = { ok: true; header: AlembicHeader } | { ok: false; reason: string; line: number };

// Module-level assignments only (column 0), optionally annotated: `down_revision: Union[...] = ...`.
const assignment = /^(revision|down_revision|branch_labels|depends_on)[ \t]*(?::[^=\n]*)?=(?!=)[ \t]*/gm;

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/** Alembic accepts a string, a tuple/list of strings, or None for each of these names. */
function asIds(value: PythonLiteral, name: string): string[] {
  if (value === null) return [];
  if (typeof value === 'string') return [value];
  return value.map((item) => {
    if (typeof item !== 'string') throw new Error(`${name} must hold strings only`);
    return item;
  });
}

function docstring(text: string): { message: string; createdAt: string | null } {
  let i = 0;
  // The docstring is the first statement: skip blank lines, comments and a coding line before it.
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n') i += 1;
    if (text[i] !== '#') break;
    const eol = text.indexOf('\n', i);
    if (eol === -1) return { message: '', createdAt: null };
    i = eol + 1;
  }
  const doc = readStringAt(text, i);
  if (!doc || typeof doc.value !== 'string') return { message: '', createdAt: null };
  // The first line that says something, and the first `Create Date:` line; the rest is never split.
  const value = doc.value;
  let message = '';
  let createdAt: string | null = null;
  for (let start = 0; start <= value.length && (message === '' || createdAt === null);) {
    const newline = value.indexOf('\n', start);
    const end = newline === -1 ? value.length : newline;
    const line = value.slice(start, end).trim();
    if (message === '') message = line;
    if (createdAt === null && line.startsWith('Create Date:')) createdAt = line.slice('Create Date:'.length).trim();
    start = end + 1;
  }
  return { message, createdAt };
}

/** `text` must already be normalised (no BOM, `\n` line ends). */
export function parseAlembicHeader(text: string): HeaderRead {
  const values = new Map<string, { value: PythonLiteral; index: number }>();
  assignment.lastIndex = 0;
  for (let match = assignment.exec(text); match; match = assignment.exec(text)) {
    const name = match[1] as string;
    const at = match.index + match[0].length;
    try {
      const read = readPythonLiteral(text, at);
      // Python keeps the last assignment of a name; so do we.
      values.set(name, { value: read.value, index: match.index });
      assignment.lastIndex = read.end;
    } catch (error) {
      const index = error instanceof LiteralError ? error.index : at;
      return {
        ok: false,
        reason: `${name} is ${error instanceof Error ? error.message : 'unreadable'}: Switchyard reads headers without running Python`,
        line: lineAt(text, index),
      };
    }
  }
  const revision = values.get('revision');
  if (!revision) return { ok: false, reason: 'no `revision = "..."` assignment: not an Alembic revision file', line: 1 };
  const line = lineAt(text, revision.index);
  if (typeof revision.value !== 'string' || revision.value === '') {
    return { ok: false, reason: 'revision must be a non-empty string', line };
  }
  if (!values.has('down_revision')) return { ok: false, reason: 'no `down_revision` assignment (use None for a root)', line };
  try {
    // Named, not spread: properties after a spread take V8's slow path, a cost per file.
    const { message, createdAt } = docstring(text);
    return {
      ok: true,
      header: {
        revision: revision.value,
        downRevisions: asIds(values.get('down_revision')?.value ?? null, 'down_revision'),
        branchLabels: asIds(values.get('branch_labels')?.value ?? null, 'branch_labels'),
        dependsOn: asIds(values.get('depends_on')?.value ?? null, 'depends_on'),
        message,
        createdAt,
        line,
      },
    };
  } catch (error) {
    return { ok: false, reason: (error as Error).message, line };
  }
}
