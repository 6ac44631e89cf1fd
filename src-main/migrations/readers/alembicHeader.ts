// The header of one Alembic revision file, read statically: `revision`, `down_revision`,
// `branch_labels`, `depends_on` in the classic and annotated forms, plus the docstring. A name
// instead of a literal (`branch_labels = (cli.CONTRACT_BRANCH,)`) is looked up by the caller.
import { LiteralError, readPythonValue, readStringAt, type PythonLiteral, type PythonName, type PythonValue } from './pythonLiteral';
import type { Resolution } from './pythonConstants';

/** A header field Switchyard could not read or resolve statically: the revision keeps its other fields. */
export interface UnresolvedField {
  field: 'down_revision' | 'branch_labels' | 'depends_on';
  /** The field's value as written (its first line). */
  expression: string;
  line: number;
  reason: string;
}

export interface AlembicHeader {
  revision: string;
  downRevisions: string[];
  branchLabels: string[];
  dependsOn: string[];
  message: string;
  createdAt: string | null;
  /** 1-based line of the `revision` assignment. */
  line: number;
  /** Fields kept without the part Switchyard could not resolve (reported as unresolvedHeader anomalies). */
  unresolved: UnresolvedField[];
}

/** Looks up a name the file uses (`cli.CONTRACT_BRANCH`) as the file's module sees it. */
export type NameLookup = (name: string) => Resolution;

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

function isString(value: PythonValue): value is string {
  return typeof value === 'string';
}

function isName(value: PythonValue): value is PythonName {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const noLookup: NameLookup = () => ({ ok: false, reason: 'names are not looked up here' });

/** The ids a field holds, its names looked up; what cannot be resolved is left out and said, never guessed. */
function idsOf(value: PythonValue, name: string, lookup: NameLookup): { ids: string[]; problems: string[] } {
  const problems: string[] = [];
  const resolved = (item: PythonValue): PythonLiteral | undefined => {
    if (item === null || typeof item === 'string') return item;
    if (Array.isArray(item)) return item.map((inner) => resolved(inner) ?? null);
    const found = lookup(item.name);
    if (found.ok) return found.value;
    problems.push(`${item.name}: ${found.reason}`);
    return undefined;
  };
  if (!Array.isArray(value)) return { ids: asIds(resolved(value) ?? null, name), problems };
  const ids: string[] = [];
  for (const item of value) {
    const literal = resolved(item);
    if (literal === undefined) continue;
    if (typeof literal === 'string') ids.push(literal);
    // A constant holding something else is said and left out, so the revision is kept; a literal one is a broken header.
    else if (isName(item)) problems.push(`${item.name}: holds ${literal === null ? 'None' : 'a tuple'}, not a revision id or label`);
    else throw new Error(`${name} must hold strings only`);
  }
  return { ids, problems };
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
  // The first line that says something, and the first line starting `Create Date:`; the rest is never split.
  const value = doc.value;
  let message = '';
  for (let start = 0; start <= value.length && message === '';) {
    const end = lineEnd(value, start);
    message = value.slice(start, end).trim();
    start = end + 1;
  }
  return { message, createdAt: createDate(value) };
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline;
}

/** The value of the docstring's first line that starts (blanks aside) with `Create Date:`, looked for by its words, not line by line. */
function createDate(doc: string): string | null {
  for (let at = doc.indexOf(createDateLabel); at !== -1; at = doc.indexOf(createDateLabel, at + 1)) {
    const start = doc.lastIndexOf('\n', at) + 1;
    if (start === at || doc.slice(start, at).trim() === '') return doc.slice(at + createDateLabel.length, lineEnd(doc, at)).trim();
  }
  return null;
}

const createDateLabel = 'Create Date:';

interface Assigned {
  /** Undefined when the value could not be read (`reason` says why). */
  value: PythonValue | undefined;
  reason: string;
  index: number;
  valueIndex: number;
}

// The usual header, as `alembic revision` writes it: each name assigned once, to a plain string
// (no escapes), None, or a tuple or list of plain strings (one item a line allowed, no comments). Read by indexOf, not by the literal
// reader: 5,000 headers are read per graph, most before the JIT has warmed up to the general code.
const usualNames = ['revision', 'down_revision', 'branch_labels', 'depends_on'] as const;
// Each name at a line's start, made once: a pattern string built per file is one more allocation and a flattening.
const usualNamesOnLine = usualNames.map((name) => `\n${name}`);
const usualEquals = /[ \t]*(?::[^=\n]*)?=(?!=)[ \t]*/y;
const unusual = Symbol('unusual');
const noneUnresolved: UnresolvedField[] = [];
Object.freeze(noneUnresolved);

/** The end of a value at `end`: blanks, then the line's end. -1 when anything else follows (a comment, `;`, more). */
function lineEndAfter(text: string, end: number): number {
  let i = end;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i += 1;
  return i === text.length || text.charCodeAt(i) === 10 ? i : -1;
}

/** A plain string literal `"…"` or `'…'` from `at` to `close` (its closing quote), no escapes, or null. */
function plainString(text: string, at: number, close: number): string | null {
  if (close <= at + 1) return null;
  const value = text.slice(at + 1, close);
  return value.includes('\\') || value.includes('\n') ? null : value;
}

/** A space, tab or line end: what may stand between a tuple's items (a comment, `\f` or `\\` may too, but not here). */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10;
}

/** The items of a tuple or list of plain strings, `inner` being what is between its brackets. */
function plainStrings(inner: string): string[] | null {
  const ids: string[] = [];
  const parts = inner.split(',');
  for (let k = 0; k < parts.length; k += 1) {
    const part = parts[k] as string;
    let from = 0;
    let to = part.length;
    while (isBlank(part.charCodeAt(from))) from += 1;
    while (to > from && isBlank(part.charCodeAt(to - 1))) to -= 1;
    if (from === to) {
      // `()`, or the trailing comma of `("a",)`; `(,)` and `("a",,)` are not Python.
      if ((k === parts.length - 1 && k > 0) || parts.length === 1) continue;
      return null;
    }
    const quote = part.charCodeAt(from);
    if ((quote !== 34 && quote !== 39) || part.charCodeAt(to - 1) !== quote || part.indexOf(part[from] as string, from + 1) !== to - 1) return null;
    const value = plainString(part, from, to - 1);
    if (value === null) return null;
    ids.push(value);
  }
  return ids;
}

/** A usual value at `at`: a plain string, None (null), or a tuple or list of plain strings; `unusual` otherwise. */
function usualValue(text: string, at: number): string | null | string[] | typeof unusual {
  const c = text.charCodeAt(at);
  if (c === 34 || c === 39) {
    const close = text.indexOf(text[at] as string, at + 1);
    if (close === -1 || lineEndAfter(text, close + 1) === -1) return unusual;
    return plainString(text, at, close) ?? unusual;
  }
  if (c === 78 && text.startsWith('None', at)) return lineEndAfter(text, at + 4) === -1 ? unusual : null;
  if (c === 40 || c === 91) {
    const close = text.indexOf(c === 40 ? ')' : ']', at + 1);
    if (close === -1 || lineEndAfter(text, close + 1) === -1) return unusual;
    return plainStrings(text.slice(at + 1, close)) ?? unusual;
  }
  return unusual;
}

/**
 * The header when it is the usual one (see usualNames), else null for parseAlembicHeader's general
 * reading; what it reads is what the general reading gives (test/unit/migrations/alembicHeader.test.ts
 * compares them on generated headers).
 */
export function readUsualHeader(text: string): AlembicHeader | null {
  // `^` of the general reading's pattern also follows these line ends.
  if (text.includes('\u2028') || text.includes('\u2029') || text.includes('\r')) return null;
  let revision = '';
  let line = 0;
  let downRevisions: string[] = [];
  let branchLabels: string[] = [];
  let dependsOn: string[] = [];
  for (let n = 0; n < usualNames.length; n += 1) {
    const name = usualNames[n] as (typeof usualNames)[number];
    const onLine = usualNamesOnLine[n] as string;
    let at = text.startsWith(name) ? 0 : text.indexOf(onLine);
    if (at === -1) {
      // Absent: the general reading refuses a header without revision or down_revision.
      if (n < 2) return null;
      continue;
    }
    if (at > 0) at += 1;
    // Assigned twice, or a line starting with the name that may or may not assign it: the general reading decides.
    if (text.indexOf(onLine, at + name.length) !== -1) return null;
    usualEquals.lastIndex = at + name.length;
    if (!usualEquals.test(text)) return null;
    const value = usualValue(text, usualEquals.lastIndex);
    if (value === unusual) return null;
    if (n === 0) {
      if (typeof value !== 'string') return null;
      revision = value;
      line = lineAt(text, at);
      continue;
    }
    const ids = value === null ? [] : typeof value === 'string' ? [value] : value;
    if (n === 1) downRevisions = ids;
    else if (n === 2) branchLabels = ids;
    else dependsOn = ids;
  }
  const { message, createdAt } = docstring(text);
  return { revision, downRevisions, branchLabels, dependsOn, message, createdAt, line, unresolved: noneUnresolved };
}

/** `text` must already be normalised (no BOM, `\n` line ends); `lookup` resolves names the header uses. */
export function parseAlembicHeader(text: string, lookup: NameLookup = noLookup): HeaderRead {
  const usual = readUsualHeader(text);
  return usual ? { ok: true, header: usual } : parseAnyAlembicHeader(text, lookup);
}

/** parseAlembicHeader without the usual header's short cut: every form it reads. */
export function parseAnyAlembicHeader(text: string, lookup: NameLookup = noLookup): HeaderRead {
  const values = new Map<string, Assigned>();
  assignment.lastIndex = 0;
  for (let match = assignment.exec(text); match; match = assignment.exec(text)) {
    const name = match[1] as string;
    const at = match.index + match[0].length;
    // Python keeps the last assignment of a name; so do we.
    try {
      const read = readPythonValue(text, at);
      values.set(name, { value: read.value, reason: '', index: match.index, valueIndex: at });
      assignment.lastIndex = read.end;
    } catch (error) {
      const reason = `${error instanceof Error ? error.message : 'unreadable'}: Switchyard reads headers without running Python`;
      values.set(name, { value: undefined, reason, index: error instanceof LiteralError ? error.index : at, valueIndex: at });
    }
  }
  const revision = values.get('revision');
  if (!revision) return { ok: false, reason: 'no `revision = "..."` assignment: not an Alembic revision file', line: 1 };
  if (revision.value === undefined) return { ok: false, reason: `revision is ${revision.reason}`, line: lineAt(text, revision.index) };
  const line = lineAt(text, revision.index);
  const name = isName(revision.value) ? revision.value.name : null;
  const named = name === null ? null : lookup(name);
  if (named && !named.ok) return { ok: false, reason: `revision = ${name}: ${named.reason}`, line };
  const id = named?.ok ? named.value : revision.value;
  if (typeof id !== 'string' || id === '') return { ok: false, reason: 'revision must be a non-empty string', line };
  if (!values.has('down_revision')) return { ok: false, reason: 'no `down_revision` assignment (use None for a root)', line };
  try {
    const unresolved: UnresolvedField[] = [];
    const idsFor = (field: UnresolvedField['field']): string[] => {
      const assigned = values.get(field);
      if (!assigned) return [];
      const value = assigned.value;
      // The common case, a literal, without the look-up's bookkeeping: 5,000 headers are read per graph.
      if (value === null) return [];
      if (typeof value === 'string') return [value];
      if (Array.isArray(value) && value.every(isString)) return value;
      const problem = (reason: string): void => {
        const eol = text.indexOf('\n', assigned.valueIndex);
        const expression = text.slice(assigned.valueIndex, eol === -1 ? text.length : eol).trim();
        unresolved.push({ field, expression, line: lineAt(text, assigned.valueIndex), reason });
      };
      if (value === undefined) {
        problem(assigned.reason);
        return [];
      }
      const { ids, problems } = idsOf(value, field, lookup);
      if (problems.length) problem(problems.join('; '));
      return ids;
    };
    const downRevisions = idsFor('down_revision');
    const branchLabels = idsFor('branch_labels');
    const dependsOn = idsFor('depends_on');
    // In the file's order, as the user reads it.
    if (unresolved.length > 1) unresolved.sort((a, b) => a.line - b.line);
    // Named, not spread: properties after a spread take V8's slow path, a cost per file.
    const { message, createdAt } = docstring(text);
    return {
      ok: true,
      header: {
        revision: id,
        downRevisions,
        branchLabels,
        dependsOn,
        message,
        createdAt,
        line,
        unresolved,
      },
    };
  } catch (error) {
    return { ok: false, reason: (error as Error).message, line };
  }
}
