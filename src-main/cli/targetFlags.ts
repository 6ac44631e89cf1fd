// --profile NAME or --url URL, plus --project/--format/--alembic: how every database command says
// which database and which migration project it works on.
import { resolve } from 'node:path';
import { SwitchyardError } from '../../src-shared/errors';
import { parseConnectionUri } from '../../src-shared/model/connectionUri';
import { environmentOf, projectFormatChoices, type ProjectFormatChoice } from '../../src-shared/model/profile';
import type { MigrationTarget } from '../runner/migrationTarget';
import { targetFromProfile } from '../runner/migrationTarget';
import type { Services } from '../services';
import { warn, UsageError } from './output';

export const targetOptions = {
  profile: { type: 'string' },
  url: { type: 'string' },
  project: { type: 'string' },
  format: { type: 'string' },
  alembic: { type: 'string' },
  env: { type: 'string' },
} as const;

export const targetUsage = `Database (one of):
  --profile NAME        a saved connection profile (the store's passphrase: SWITCHYARD_PASSPHRASE or a prompt)
  --url URL             postgres://user@host:port/db (password: PGPASSWORD, or in the URL with a warning)
                        or sqlite:///absolute/path.db; --env dev|test|staging|prod (default dev)
Project:
  --project DIR         the migrations folder, or a folder holding alembic.ini (default: the profile's)
  --format auto|native|alembic   --alembic CMD (default alembic)`;

export interface TargetFlags {
  profile?: string | undefined;
  url?: string | undefined;
  project?: string | undefined;
  format?: string | undefined;
  alembic?: string | undefined;
  env?: string | undefined;
}

function formatChoice(value: string | undefined): ProjectFormatChoice | undefined {
  if (value === undefined) return undefined;
  if (!(projectFormatChoices as readonly string[]).includes(value)) throw new UsageError('--format must be auto, native or alembic');
  return value as ProjectFormatChoice;
}

/** A target from --url: no store involved. */
export function targetFromUrl(flags: TargetFlags): MigrationTarget {
  const url = flags.url as string;
  const environment = environmentOf(flags.env ?? 'dev');
  if (!environment) throw new UsageError('--env must be one of dev, test, staging, prod, demo');
  const project = { projectDir: flags.project ? resolve(flags.project) : '', projectFormat: formatChoice(flags.format) ?? 'auto', alembicCommand: flags.alembic ?? '' };
  const sqlite = /^sqlite:(?:\/\/)?(.+)$/.exec(url);
  if (sqlite) {
    const path = resolve(sqlite[1] as string);
    return {
      name: `sqlite:${path}`,
      environment,
      connection: { engine: 'sqlite', host: '', port: 0, database: '', user: '', sslMode: 'disable', sslCaFile: '', sqlitePath: path, readOnly: false },
      ...project,
    };
  }
  const parsed = parseConnectionUri(url);
  if (parsed.password !== undefined) {
    warn('switchyard: warning: a password on the command line can be read by other users of this machine; prefer PGPASSWORD or a saved profile.\n');
  }
  const password = parsed.password ?? process.env.PGPASSWORD;
  return {
    name: `${parsed.user}@${parsed.host}:${parsed.port}/${parsed.database}`,
    environment,
    connection: { engine: 'postgres', host: parsed.host, port: parsed.port, database: parsed.database, user: parsed.user, ...(password === undefined ? {} : { password }), sslMode: parsed.sslMode, sslCaFile: parsed.sslCaFile, sqlitePath: '', readOnly: false },
    ...project,
  };
}

/** A target from --profile, with --project/--format/--alembic overriding what the profile binds. */
export function targetFromProfileFlag(services: Services, flags: TargetFlags): MigrationTarget {
  const name = flags.profile as string;
  const profile = services.profiles.findByName(name) ?? services.profiles.list().find((p) => p.id === name);
  if (!profile) throw new SwitchyardError('E_NOT_FOUND', `No connection profile named "${name}".`);
  const { password } = services.profiles.withSecret(profile.id);
  const target = targetFromProfile(profile, password, flags.project ? resolve(flags.project) : undefined);
  const format = formatChoice(flags.format);
  return { ...target, ...(format ? { projectFormat: format } : {}), ...(flags.alembic ? { alembicCommand: flags.alembic } : {}) };
}

export function requireOneTarget(flags: TargetFlags): void {
  if (Boolean(flags.profile) === Boolean(flags.url)) throw new UsageError(`Give exactly one of --profile or --url.\n\n${targetUsage}`);
}
