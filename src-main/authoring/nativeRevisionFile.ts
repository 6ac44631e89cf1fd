// Native SQL revision files (src-main/migrations/readers/nativeSql.ts reads them): a new one with its
// `-- key: value` header and empty bodies, numbered after the folder's files; a re-parent as its one
// `-- parents:` line.
import { SwitchyardError } from '../../src-shared/errors';
import type { FileWrite } from '../../src-shared/model/writePlan';
import type { NewRevisionFields } from './alembicRevisionFile';

/** `NNN_id.sql` after the highest number in the folder, padded as its files are; `id.sql` when none is numbered. */
function fileName(id: string, existing: readonly string[]): string {
  const numbers = existing.map((f) => /^(\d+)_/.exec(f)?.[1]).filter((n): n is string => n !== undefined);
  if (numbers.length === 0) return `${id}.sql`;
  const width = Math.max(...numbers.map((n) => n.length));
  const next = numbers.reduce((max, n) => (BigInt(n) > max ? BigInt(n) : max), 0n) + 1n;
  return `${String(next).padStart(width, '0')}_${id}.sql`;
}

export function nativeRevisionFile(fields: NewRevisionFields, existing: readonly string[], like: string | undefined): FileWrite {
  const merge = fields.parents.length > 1;
  const after = [
    `-- revision: ${fields.id}`,
    `-- parents: ${fields.parents.length === 0 ? 'none' : fields.parents.join(', ')}`,
    ...(fields.label === null ? [] : [`-- branch: ${fields.label}`]),
    `-- message: ${fields.message.replace(/\s*\n\s*/g, ' ')}`,
    '',
    '-- migrate:up',
    merge ? '-- A merge point: no schema change.' : '',
    '',
    '-- migrate:down',
    merge ? '-- A merge point: no schema change.' : '',
    '',
  ].join('\n');
  return { path: fileName(fields.id, existing), before: null, after, ...(like === undefined ? {} : { like }) };
}

const parentsLine = /^(--\s*parents\s*:[ \t]*)(.*?)([ \t]*)$/im;
const revisionLine = /^--\s*revision\s*:.*$/im;

/** The file with its `-- parents:` line saying `parents` (added under `-- revision:` when it has none). */
export function nativeReparented(text: string, parents: readonly string[], file: string): string {
  const value = parents.length === 0 ? 'none' : parents.join(', ');
  const match = parentsLine.exec(text);
  if (match) return text.slice(0, match.index) + (match[1] as string) + value + (match[3] as string) + text.slice(match.index + match[0].length);
  const revision = revisionLine.exec(text);
  if (!revision) throw new SwitchyardError('E_INVALID_PROJECT', `${file} has no \`-- revision:\` header, so its parents cannot be written.`);
  const at = revision.index + revision[0].length;
  return `${text.slice(0, at)}\n-- parents: ${value}${text.slice(at)}`;
}
