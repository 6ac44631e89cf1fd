// The settings of a Flyway project that decide which files are migrations and how they run, read from
// its configuration as Flyway reads it: `flyway.conf` (Java properties, `flyway.` keys) and
// `flyway.toml` (the `[flyway]` table of Flyway 10+), in the folder or its `conf/` folder, later
// files overriding earlier ones. Every other setting that changes what runs or what is recorded is
// named as an unsupportedSetting anomaly, never ignored in silence.
// Names and defaults: https://documentation.red-gate.com/flyway/reference/configuration/flyway-namespace
// (flyway/flyway, documentation/Reference/Configuration/Flyway Namespace/).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Anomaly } from '../../../src-shared/model/revision';
import { normaliseText } from '../../migrations/readers/projectFiles';

export interface FlywaySetting {
  value: string | string[];
  /** Where it is written, relative to the project. */
  file: string;
  line: number;
}

export interface FlywaySettings {
  /** As written (`filesystem:sql`); empty when none is configured. */
  locations: FlywaySetting | null;
  versionedPrefix: string;
  undoPrefix: string;
  repeatablePrefix: string;
  separator: string;
  suffixes: string[];
  /** `mixed`: a migration may hold statements that must run outside a transaction beside ones that need not. */
  mixed: boolean;
  /** `executeInTransaction`: false runs every migration outside a transaction. */
  executeInTransaction: boolean;
  /** `installedBy`: written to installed_by instead of the user running the migration. */
  installedBy: string | null;
  /** `placeholders.NAME`: values Flyway puts in place of `${NAME}` in a migration's text. */
  placeholders: Map<string, string>;
  placeholderReplacement: boolean;
  placeholderPrefix: string;
  placeholderSuffix: string;
  /** The configuration files read, relative to the project. */
  files: string[];
  unsupported: Anomaly[];
}

const candidates = ['conf/flyway.conf', 'flyway.conf', 'conf/flyway.toml', 'flyway.toml'];

/** Settings about the connection, the edition or the output: they change neither what runs nor what is recorded. */
const irrelevant =
  /^(url|user|password|driver|connectRetries|connectRetriesInterval|initSql|jdbcProperties\..*|licenseKey|environment|environments\..*|cleanDisabled|loggers|outputQueryResults|reportEnabled|reportFilename|validateMigrationNaming|validateOnMigrate|email|token)$/;

/** `schemas = public` names the schema a PostgreSQL connection uses anyway: nothing to honour. */
function isPostgresDefaultSchema(key: string, value: string | string[]): boolean {
  return (key === 'schemas' || key === 'defaultSchema') && asText(value) === 'public';
}

function unquote(value: string): string {
  const v = value.trim();
  return (v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")) ? v.slice(1, -1) : v;
}

/** `key=value`, `key: value` and `key value` lines; `#`/`!` comments; a trailing backslash continues the line. */
export function propertiesEntries(text: string): Array<{ key: string; value: string; line: number }> {
  const entries: Array<{ key: string; value: string; line: number }> = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const start = i;
    let logical = (lines[i] as string).trimStart();
    if (logical === '' || logical.startsWith('#') || logical.startsWith('!')) continue;
    while (logical.endsWith('\\') && i + 1 < lines.length) {
      i += 1;
      logical = logical.slice(0, -1) + (lines[i] as string).trimStart();
    }
    const match = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(logical);
    if (match) entries.push({ key: match[1] as string, value: (match[2] as string).trim(), line: start + 1 });
  }
  return entries;
}

/** The `[flyway]` table's keys: strings, booleans, numbers and arrays of strings (which may span lines). */
function tomlEntries(text: string): Array<{ key: string; value: string | string[]; line: number }> {
  const entries: Array<{ key: string; value: string | string[]; line: number }> = [];
  const lines = text.split('\n');
  let table = '';
  for (let i = 0; i < lines.length; i += 1) {
    const line = (lines[i] as string).replace(/\s+#.*$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      table = header[1] as string;
      continue;
    }
    const match = /^([A-Za-z0-9_.-]+)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const start = i;
    let value = match[2] as string;
    if (value.startsWith('[')) {
      while (!value.includes(']') && i + 1 < lines.length) {
        i += 1;
        value += ` ${(lines[i] as string).trim()}`;
      }
    }
    const key = table === 'flyway' ? (match[1] as string) : table.startsWith('flyway.') ? `${table.slice('flyway.'.length)}.${match[1] as string}` : null;
    if (key === null) continue;
    const parsed = value.startsWith('[')
      ? [...value.slice(1, value.indexOf(']')).matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) => (m[1] ?? m[2]) as string)
      : unquote(value);
    entries.push({ key, value: parsed, line: start + 1 });
  }
  return entries;
}

function asList(value: string | string[]): string[] {
  return Array.isArray(value)
    ? value
    : value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');
}

function asText(value: string | string[]): string {
  return Array.isArray(value) ? value.join(',') : value;
}

export function readFlywaySettings(project: string): FlywaySettings {
  const settings: FlywaySettings = {
    locations: null,
    versionedPrefix: 'V',
    undoPrefix: 'U',
    repeatablePrefix: 'R',
    separator: '__',
    suffixes: ['.sql'],
    mixed: false,
    executeInTransaction: true,
    installedBy: null,
    placeholders: new Map(),
    placeholderReplacement: true,
    placeholderPrefix: '${',
    placeholderSuffix: '}',
    files: [],
    unsupported: [],
  };
  for (const file of candidates.filter((f) => existsSync(join(project, f)))) {
    settings.files.push(file);
    const text = normaliseText(readFileSync(join(project, file), 'utf8'));
    const entries = file.endsWith('.toml')
      ? tomlEntries(text)
      : propertiesEntries(text)
          .filter((e) => e.key.startsWith('flyway.'))
          .map((e) => ({ ...e, key: e.key.slice('flyway.'.length) }));
    for (const { key, value, line } of entries) {
      const at = { file, line };
      if (key === 'locations') settings.locations = { value: asList(value), ...at };
      else if (key === 'sqlMigrationPrefix') settings.versionedPrefix = asText(value);
      else if (key === 'undoSqlMigrationPrefix') settings.undoPrefix = asText(value);
      else if (key === 'repeatableSqlMigrationPrefix') settings.repeatablePrefix = asText(value);
      else if (key === 'sqlMigrationSeparator') settings.separator = asText(value);
      // sqlMigrationSuffix: the single suffix of Flyway before 5.
      else if (key === 'sqlMigrationSuffixes' || key === 'sqlMigrationSuffix') settings.suffixes = asList(value);
      else if (key === 'mixed') settings.mixed = asText(value).toLowerCase() === 'true';
      else if (key === 'executeInTransaction') settings.executeInTransaction = asText(value).toLowerCase() !== 'false';
      else if (key === 'installedBy') settings.installedBy = asText(value);
      else if (key.startsWith('placeholders.')) settings.placeholders.set(key.slice('placeholders.'.length), asText(value));
      else if (key === 'placeholderReplacement') settings.placeholderReplacement = asText(value).toLowerCase() !== 'false';
      else if (key === 'placeholderPrefix') settings.placeholderPrefix = asText(value);
      else if (key === 'placeholderSuffix') settings.placeholderSuffix = asText(value);
      else if (!irrelevant.test(key) && !isPostgresDefaultSchema(key, value)) {
        settings.unsupported.push({
          kind: 'unsupportedSetting',
          message: `${file}:${line}: Flyway setting "${key}" is not honoured by Switchyard, which reads and runs the project as if it were not set`,
          file,
          line,
          revisions: [],
        });
      }
    }
  }
  return settings;
}
