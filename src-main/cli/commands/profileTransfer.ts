// `switchyard profiles import|export`: connections from other tools and bundles in, bundles and
// pgAdmin's servers.json out.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { ImportCandidate, ImportPreview, ImportResult, ImportSource } from '../../../src-shared/model/profileImport';
import { importSources } from '../../../src-shared/model/profileImport';
import { libpqEnvironment } from '../../profiles/import/libpqSettings';
import { engineFor } from '../../engines/engineFor';
import { writePrivateFile } from '../../store/privateFileWrite';
import { countOf as plural } from '../../../src-shared/format/plural';
import { detectSource } from '../../profiles/import/importDetection';
import { parseFlags } from '../parseFlags';
import { call, openServices } from '../openServices';
import { printJson, say, warn, UsageError } from '../output';
import { promptHidden } from '../prompt';

export const transferUsage = `  switchyard profiles import FILE [--from pgadmin|dbeaver|pgpass|service|uris|bundle] [--dry-run]
                            [--include-duplicates] [--credentials FILE] [--json]
  switchyard profiles import --from env [--dry-run] [--json]   (libpq's PGHOST, PGPORT, PGDATABASE, PGUSER…)
      Without --from the source is detected from the file. A preview lists what will be created; a
      profile reaching the same engine, host, port, database and user as a saved one is a duplicate,
      left out unless --include-duplicates. --credentials: DBeaver's credentials-config.json (default:
      the one beside data-sources.json). A bundle's passphrase: SWITCHYARD_BUNDLE_PASSPHRASE or a prompt.
  switchyard profiles export [NAMES…] --bundle FILE [--json]   (encrypted, with passwords; all profiles
      when no NAME; passphrase from SWITCHYARD_BUNDLE_PASSPHRASE or a prompt)
  switchyard profiles export [NAMES…] --pgadmin FILE [--json]  (pgAdmin 4 servers.json, no passwords)
      An existing FILE is not overwritten without --force.`;

const options = {
  from: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'include-duplicates': { type: 'boolean' },
  credentials: { type: 'string' },
  bundle: { type: 'string' },
  pgadmin: { type: 'string' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

function sourceFlag(from: string | undefined): ImportSource | undefined {
  if (from === undefined) return undefined;
  if (!(importSources as readonly string[]).includes(from)) throw new UsageError(`--from must be one of ${importSources.join(', ')}`);
  return from as ImportSource;
}

/** libpq's variables of this process as KEY=VALUE lines (the env source reads what the CLI was started with). */
function environmentText(): string {
  return Object.keys(libpqEnvironment)
    .filter((name) => process.env[name] !== undefined)
    .map((name) => `${name}=${process.env[name]}`)
    .join('\n');
}

function readInput(path: string): string {
  if (!existsSync(path)) throw new UsageError(`No such file: ${path}`);
  return readFileSync(path, 'utf8');
}

async function bundlePassphrase(confirm: boolean): Promise<string> {
  const fromEnv = process.env.SWITCHYARD_BUNDLE_PASSPHRASE;
  if (fromEnv) return fromEnv;
  const first = await promptHidden('Bundle passphrase: ');
  if (confirm && (await promptHidden('Repeat the bundle passphrase: ')) !== first) throw new UsageError('The passphrases do not match.');
  return first;
}

function candidateLine(candidate: ImportCandidate): string {
  const where = engineFor(candidate.fields.engine).location(candidate.fields);
  return `  ${candidate.name} (${candidate.fields.environment}, ${where}${candidate.hasPassword ? ', password' : ''}) — ${candidate.where}`;
}

function printPreview(preview: ImportPreview | ImportResult, done: boolean): void {
  const fresh = preview.candidates.filter((c) => !c.duplicateOf);
  const duplicates = preview.candidates.filter((c) => c.duplicateOf);
  const lines = [`Read as ${preview.detection}.`];
  const created = 'created' in preview ? preview.created.length : fresh.length;
  lines.push(`${done ? 'Created' : 'Would create'} ${plural(created, 'connection')}${created ? ':' : '.'}`);
  const shown = 'created' in preview ? preview.candidates.filter((c) => !preview.skipped.includes(c)) : fresh;
  for (const candidate of shown) {
    lines.push(candidateLine(candidate));
    for (const note of candidate.notes) lines.push(`      note: ${note}`);
  }
  const left = 'skipped' in preview ? preview.skipped : duplicates;
  if (left.length) {
    lines.push(`${plural(left.length, 'duplicate')} of saved connections ${done ? 'left out' : 'to leave out'} (--include-duplicates imports them):`);
    for (const candidate of left) lines.push(`${candidateLine(candidate)}: same database and user as "${candidate.duplicateOf}"`);
  }
  if (preview.problems.length) {
    lines.push(`Could not be read (${plural(preview.problems.length, 'entry', 'entries')}):`);
    for (const problem of preview.problems) lines.push(`  ${problem.where}: ${problem.message}`);
  }
  say(`${lines.join('\n')}\n`);
}

async function runImport(positionals: string[], flags: ReturnType<typeof parse>['values']): Promise<number> {
  const from = sourceFlag(flags.from);
  const [file, extra] = positionals;
  if (extra !== undefined) throw new UsageError('Give one FILE to import.');
  if (from === 'env' ? file !== undefined : file === undefined)
    throw new UsageError(from === 'env' ? '--from env reads the environment, not a FILE.' : 'Name the FILE to import.');
  const path = file === undefined ? undefined : resolve(file);
  const text = path ? readInput(path) : environmentText();
  // DBeaver keeps users and passwords apart, in credentials-config.json beside data-sources.json.
  const credentialsPath = flags.credentials ? resolve(flags.credentials) : path ? join(dirname(path), 'credentials-config.json') : undefined;
  const credentials = credentialsPath && existsSync(credentialsPath) ? readFileSync(credentialsPath).toString('base64') : undefined;
  if (flags.credentials && !credentials) throw new UsageError(`No such file: ${credentialsPath}`);
  const services = await openServices();
  try {
    const request = {
      text,
      ...(from ? { from } : {}),
      ...(path ? { fileName: basename(path) } : {}),
      ...(credentials && (from === 'dbeaver' || from === undefined) ? { credentials } : {}),
    };
    const passphrase = isBundle(text, path, from) ? await bundlePassphrase(false) : undefined;
    const preview = await call(services, 'profiles.importPreview', { ...request, ...(passphrase ? { passphrase } : {}) });
    if (flags['dry-run']) {
      if (flags.json) printJson(preview);
      else printPreview(preview, false);
      return 0;
    }
    const result = await call(services, 'profiles.import', {
      ...request,
      ...(passphrase ? { passphrase } : {}),
      includeDuplicates: Boolean(flags['include-duplicates']),
    });
    if (flags.json) printJson(result);
    else printPreview(result, true);
    return 0;
  } finally {
    services.close();
  }
}

/** Whether the file is a bundle (its passphrase is then asked for); an undetectable file is refused by the preview. */
function isBundle(text: string, fileName: string | undefined, from: ImportSource | undefined): boolean {
  if (from) return from === 'bundle';
  try {
    return detectSource(text, fileName).source === 'bundle';
  } catch {
    return false;
  }
}

function refuseOverwrite(path: string, force: boolean | undefined): void {
  if (existsSync(path) && !force) throw new UsageError(`${path} exists: give --force to replace it.`);
}

async function runExport(names: string[], flags: ReturnType<typeof parse>['values']): Promise<number> {
  if (Boolean(flags.bundle) === Boolean(flags.pgadmin)) throw new UsageError('Give --bundle FILE or --pgadmin FILE (one of them).');
  const path = resolve((flags.bundle ?? flags.pgadmin) as string);
  refuseOverwrite(path, flags.force);
  const services = await openServices();
  try {
    const exported = flags.bundle
      ? await call(services, 'profiles.exportBundle', { ...(names.length ? { names } : {}), passphrase: await bundlePassphrase(true) })
      : await call(services, 'profiles.exportPgadmin', names.length ? { names } : {});
    writePrivateFile(path, exported.text);
    if (flags.json) printJson({ file: path, format: flags.bundle ? 'bundle' : 'pgadmin', profiles: exported.profiles, leftOut: exported.leftOut });
    else {
      say(
        `Wrote ${plural(exported.profiles.length, 'connection')} to ${path}${flags.bundle ? ' (encrypted, with passwords)' : ' (no passwords)'}: ${exported.profiles.join(', ')}\n`,
      );
      if (exported.leftOut.length) warn(`Left out (servers.json has no place for SQLite): ${exported.leftOut.join(', ')}\n`);
    }
    return 0;
  } finally {
    services.close();
  }
}

function parse(args: string[], usage: string) {
  return parseFlags(args, { options, allowPositionals: true }, usage);
}

export async function runProfileTransfer(sub: 'import' | 'export', args: string[], usage: string): Promise<number> {
  const { values: flags, positionals } = parse(args, usage);
  return sub === 'import' ? runImport(positionals, flags) : runExport(positionals, flags);
}
