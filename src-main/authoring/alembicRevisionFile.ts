// Alembic revision files as `alembic revision` and `alembic merge` write them: the project's own
// script.py.mako rendered with the fields ScriptDirectory.generate_revision passes
// (alembic/script/base.py), named by its _rev_path; and a re-parent as the one `down_revision` line.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { SwitchyardError } from '../../src-shared/errors';
import type { FileWrite } from '../../src-shared/model/writePlan';
import { alembicIniOption, type AlembicLayout } from '../migrations/readers/alembicIni';
import { normaliseText } from '../migrations/readers/projectFiles';
import { pyRepr, renderMako, type PyValue } from './makoSubset';

export interface NewRevisionFields {
  id: string;
  parents: readonly string[];
  label: string | null;
  message: string;
  now: Date;
}

/** alembic.script.revision.tuple_rev_as_scalar: None, the one id, or the tuple. */
function scalarOrTuple(ids: readonly string[]): PyValue {
  if (ids.length === 0) return null;
  return ids.length === 1 ? (ids[0] as string) : ids;
}

/** util.format_as_comma, the `comma` filter the template is given. */
function comma(value: PyValue): PyValue {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(', ');
  throw new SwitchyardError('E_UNSUPPORTED_TEMPLATE', 'script.py.mako comma-formats a value that is not a revision list. Nothing was written.');
}

const two = (n: number) => String(n).padStart(2, '0');

/** The moment as a wall clock: the machine's local time, or with alembic.ini's `timezone` that zone's and its offset. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** `+01:00` for a zone given; null for local time, which Python prints without one. */
  offset: string | null;
}

export function wallClock(now: Date, timeZone?: string): WallClock {
  if (timeZone === undefined)
    return {
      year: now.getFullYear(),
      month: now.getMonth() + 1,
      day: now.getDate(),
      hour: now.getHours(),
      minute: now.getMinutes(),
      second: now.getSeconds(),
      millisecond: now.getMilliseconds(),
      offset: null,
    };
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).formatToParts(now);
  } catch {
    throw new SwitchyardError('E_INVALID_PROJECT', `alembic.ini's timezone = ${timeZone}: no such time zone (Alembic says "Can't locate timezone" too).`);
  }
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const clock = {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
    millisecond: now.getMilliseconds(),
  };
  const minutes = Math.round(
    (Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second, clock.millisecond) - now.getTime()) / 60_000,
  );
  const sign = minutes < 0 ? '-' : '+';
  return { ...clock, offset: `${sign}${two(Math.floor(Math.abs(minutes) / 60))}:${two(Math.abs(minutes) % 60)}` };
}

/** str(create_date) as Python prints a datetime: microseconds unless zero, the offset when it has a zone. */
export function pythonNow(clock: WallClock): string {
  const date = `${clock.year}-${two(clock.month)}-${two(clock.day)} ${two(clock.hour)}:${two(clock.minute)}:${two(clock.second)}`;
  return `${clock.millisecond === 0 ? date : `${date}.${String(clock.millisecond).padStart(3, '0')}000`}${clock.offset ?? ''}`;
}

/** Python's `%(name)s` / `%(name)d` / `%(name).2d` / `%(name)02d` formatting of file_template. */
function percentFormat(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(
    /%\((\w+)\)([-#0 +]*)(\d+)?(?:\.(\d+))?([sd])|%%/g,
    (all, name: string | undefined, flags: string, width?: string, precision?: string, kind?: string) => {
      if (name === undefined) return '%';
      const value = values[name];
      if (value === undefined) throw new SwitchyardError('E_INVALID_PROJECT', `alembic.ini's file_template names %(${name})s, which Alembic does not fill.`);
      let text = kind === 'd' ? String(Math.trunc(Number(value))) : String(value);
      if (kind === 'd' && precision !== undefined) text = text.padStart(Number(precision), '0');
      if (width !== undefined)
        text = flags.includes('-') ? text.padEnd(Number(width)) : text.padStart(Number(width), flags.includes('0') && kind === 'd' ? '0' : ' ');
      return text;
    },
  );
}

/** ScriptDirectory._rev_path's file name: file_template with the message's slug. */
function fileName(layout: AlembicLayout, id: string, message: string, now: Date, clock: WallClock): string {
  const option = (key: string) => (layout.iniPath ? alembicIniOption(layout.iniPath, key) : undefined);
  const truncate = Number(option('truncate_slug_length') ?? '') || 40;
  let slug = (message.match(/[\p{L}\p{N}_]+/gu) ?? []).join('_').toLowerCase();
  if (slug.length > truncate) slug = `${slug.slice(0, truncate).replace(/_[^_]*$/, '')}_`;
  const { year, month, day, hour, minute, second } = clock;
  const values = { rev: id, slug, epoch: Math.floor(now.getTime() / 1000), year, month, day, hour, minute, second };
  return `${percentFormat(option('file_template') ?? '%(rev)s_%(slug)s', values)}.py`;
}

function projectPath(project: string, path: string): string {
  return relative(project, path).split(sep).join('/');
}

/**
 * Where Alembic writes a new revision: the one version location, or with several, the folder of the
 * first parent's file (generate_revision's rule; it refuses without one, and so does Switchyard).
 */
function versionFolder(layout: AlembicLayout, project: string, parentFiles: readonly string[]): string {
  if (layout.dirs.length === 1) return layout.dirs[0] as string;
  const first = parentFiles[0];
  if (first === undefined)
    throw new SwitchyardError(
      'E_INVALID_PROJECT',
      'The project has several version locations and the new revision no parent to take its folder from; Alembic needs --version-path here too.',
    );
  return dirname(join(project, first));
}

/**
 * The new revision's file, rendered from the project's script.py.mako (its line ends and BOM taken from the template).
 * `bodies`: upgrade() and downgrade()'s code, as autogenerate passes them (a squash's); without, the template's `pass`.
 */
export function alembicRevisionFile(
  layout: AlembicLayout,
  project: string,
  fields: NewRevisionFields,
  parentFiles: readonly string[],
  bodies?: { upgrades: string; downgrades: string },
): FileWrite {
  const templatePath = join(layout.scriptDir, 'script.py.mako');
  if (!existsSync(templatePath))
    throw new SwitchyardError('E_INVALID_PROJECT', `${templatePath} does not exist: Alembic renders every new revision from it, and so does Switchyard.`);
  const timeZone = layout.iniPath ? alembicIniOption(layout.iniPath, 'timezone') : undefined;
  const clock = wallClock(fields.now, timeZone || undefined);
  const text = renderMako(normaliseText(readFileSync(templatePath, 'utf8')), {
    up_revision: fields.id,
    down_revision: scalarOrTuple(fields.parents),
    branch_labels: fields.label === null ? null : [fields.label],
    depends_on: null,
    create_date: pythonNow(clock),
    comma,
    message: fields.message,
    ...bodies,
  });
  const path = join(versionFolder(layout, project, parentFiles), fileName(layout, fields.id, fields.message, fields.now, clock));
  return { path: projectPath(project, path), before: null, after: text, like: projectPath(project, templatePath) };
}

/**
 * Alembic runs the ini's post_write_hooks (black, ruff…) on a file it generates; Switchyard runs no
 * program from the project, so it says so when hooks are configured.
 */
export function postWriteHooksNote(layout: AlembicLayout): string | null {
  if (!layout.iniPath) return null;
  const ini = normaliseText(readFileSync(layout.iniPath, 'utf8'));
  const section = /^\[post_write_hooks\]\n([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(ini)?.[1] ?? '';
  const hooks = /^hooks\s*[=:]\s*(\S.*)$/m.exec(section)?.[1]?.trim();
  return hooks ? `alembic.ini runs post_write_hooks (${hooks}) on new revisions; Switchyard does not run them, so run them on the new file yourself.` : null;
}

// `down_revision = …` at the top level, optionally annotated (`down_revision: Union[str, None] = …`).
const downRevisionLine = /^(down_revision[ \t]*(?::[^=\n]*)?=[ \t]*)(.*)$/m;

/** The quote the file writes its ids in: its `revision = '…'` line's, else Python's repr's. */
function quoteOf(text: string): string {
  return /^revision[ \t]*(?::[^=\n]*)?=[ \t]*(["'])/m.exec(text)?.[1] ?? "'";
}

function literal(ids: readonly string[], quote: string): string {
  const quoted = (id: string) => (quote === "'" ? pyRepr(id) : `"${id.replace(/["\\]/g, '\\$&')}"`);
  if (ids.length === 0) return 'None';
  return ids.length === 1 ? quoted(ids[0] as string) : `(${ids.map(quoted).join(', ')})`;
}

/** The end of the Python value starting at `start`: a bracketed tuple or list may run over lines. */
function valueEnd(text: string, start: number): number {
  const open = text[start];
  if (open !== '(' && open !== '[') {
    const lineEnd = text.indexOf('\n', start);
    const line = text.slice(start, lineEnd === -1 ? text.length : lineEnd);
    // Up to a trailing comment, which stays.
    const value = /^(?:'[^'\n]*'|"[^"\n]*"|[^#\s]+)/.exec(line)?.[0] ?? line.trimEnd();
    return start + value.length;
  }
  const close = open === '(' ? ')' : ']';
  for (let i = start + 1; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (ch === "'" || ch === '"') i = text.indexOf(ch, i + 1);
    else if (ch === close) return i + 1;
    if (i === -1) break;
  }
  throw new SwitchyardError('E_INVALID_PROJECT', 'The down_revision of the file has no closing bracket, so Switchyard cannot change it.');
}

/** The file with its `down_revision` set to `parents`, in the file's own quoting; every other byte kept. */
export function alembicReparented(text: string, parents: readonly string[], file: string): string {
  const match = downRevisionLine.exec(text);
  if (!match) throw new SwitchyardError('E_INVALID_PROJECT', `${file} has no top-level down_revision assignment to change.`);
  const start = match.index + (match[1] as string).length;
  const end = valueEnd(text, start);
  const written = text.slice(start, end);
  const quote = /^["']/.test(written) ? (written[0] as string) : (/["']/.exec(written)?.[0] ?? quoteOf(text));
  return text.slice(0, start) + literal(parents, quote) + text.slice(end);
}
