// Which tool wrote a file, from its name and content, when the user did not say (--from).
import { basename } from 'node:path';
import { SwitchyardError } from '../../../src-shared/errors';
import { importSourceLabels, type ImportSource } from '../../../src-shared/model/profileImport';
import { isBundle } from '../export/profileBundle';

export interface Detected {
  source: ImportSource;
  detection: string;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const byName: Record<string, ImportSource> = {
  '.pgpass': 'pgpass',
  pgpass: 'pgpass',
  'pgpass.conf': 'pgpass',
  'pg_service.conf': 'service',
  '.pg_service.conf': 'service',
  'servers.json': 'pgadmin',
  'data-sources.json': 'dbeaver',
};

function byContent(text: string): ImportSource | undefined {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  if (lines.length === 0) return undefined;
  // Most lines, not all: the lines that are not what they should be are reported, not a reason to guess again.
  const most = (test: (line: string) => boolean) => lines.filter(test).length * 2 > lines.length;
  if (most((line) => /^postgres(ql)?:\/\//.test(line))) return 'uris';
  if (/^\[[^\]]+\]$/.test(lines[0] as string)) return 'service';
  if (lines.every((line) => /^(export\s+)?[A-Z_][A-Z0-9_]*=/.test(line)) && lines.some((line) => /^(export\s+)?PG[A-Z]+=/.test(line))) return 'env';
  // Four field separators that are not escaped: hostname:port:database:username:password.
  if (most((line) => (line.replace(/\\./g, '').match(/:/g) ?? []).length >= 4)) return 'pgpass';
  return undefined;
}

export function detectSource(text: string, fileName: string | undefined): Detected {
  const parsed = parseJson(text);
  if (parsed !== undefined && typeof parsed === 'object' && parsed !== null) {
    if (isBundle(parsed)) return { source: 'bundle', detection: 'a Switchyard bundle, from its "format" field' };
    if ('Servers' in parsed) return { source: 'pgadmin', detection: 'a pgAdmin servers.json, from its "Servers" object' };
    if ('connections' in parsed) return { source: 'dbeaver', detection: 'a DBeaver data-sources.json, from its "connections" object' };
  }
  const named = fileName ? byName[basename(fileName)] : undefined;
  if (named) return { source: named, detection: `${importSourceLabels[named]}, from its file name` };
  const read = parsed === undefined ? byContent(text) : undefined;
  if (read) return { source: read, detection: `${importSourceLabels[read]}, from its lines` };
  throw new SwitchyardError(
    'E_INVALID_INPUT',
    `Could not tell which tool wrote ${fileName ? basename(fileName) : 'this file'}: say it with --from pgadmin|dbeaver|pgpass|service|uris|env|bundle. Nothing was imported.`,
  );
}
