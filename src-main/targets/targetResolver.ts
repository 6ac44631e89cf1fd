// The one place a TargetRef becomes what an operation works on: a saved profile with its password
// (in memory only), or a URL, with the migration project bound to it or given beside it.
import { resolve } from 'node:path';
import { SwitchyardError } from '../../src-shared/errors';
import { parseConnectionUri } from '../../src-shared/model/connectionUri';
import type { ProjectFormatChoice } from '../../src-shared/model/profile';
import { targetRefSchema, type TargetRef } from '../../src-shared/model/targetRef';
import type { StoreSession } from '../session/storeSession';
import { targetFromProfile, type MigrationTarget } from './migrationTarget';

/** What an operation works on, and its key: the profile's id, or "url:<connection>" for a URL. */
export interface ResolvedTarget {
  key: string;
  target: MigrationTarget;
}

function invalidRef(issues: readonly { message: string }[]): SwitchyardError {
  return new SwitchyardError('E_INVALID_INPUT', `Invalid target: ${issues.map((issue) => issue.message).join('; ')}`);
}

export class TargetResolver {
  constructor(
    private readonly session: StoreSession,
    /** The password for a URL without one (the CLI's PGPASSWORD); never given to a host that serves a browser. */
    private readonly urlPassword: string | undefined = undefined,
  ) {}

  resolve(ref: TargetRef): ResolvedTarget {
    const parsed = targetRefSchema.safeParse(ref);
    if (!parsed.success) throw invalidRef(parsed.error.issues);
    const valid = parsed.data;
    const project = valid.project === undefined ? undefined : resolve(valid.project);
    const overrides = { ...(valid.format ? { projectFormat: valid.format } : {}), ...(valid.alembic ? { alembicCommand: valid.alembic } : {}) };
    if ('profileId' in valid) {
      const { profiles } = this.session.store;
      const target = targetFromProfile(profiles.get(valid.profileId), profiles.password(valid.profileId), project, profiles.sshSecrets(valid.profileId));
      return { key: valid.profileId, target: { ...target, ...overrides } };
    }
    const target = this.fromUrl(valid.url, valid.env, {
      projectDir: project ?? '',
      projectFormat: valid.format ?? 'auto',
      alembicCommand: valid.alembic ?? '',
    });
    return { key: `url:${target.name}`, target };
  }

  private fromUrl(
    url: string,
    environment: MigrationTarget['environment'],
    project: { projectDir: string; projectFormat: ProjectFormatChoice; alembicCommand: string },
  ): MigrationTarget {
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
    const password = parsed.password ?? this.urlPassword;
    return {
      name: `${parsed.user}@${parsed.host}:${parsed.port}/${parsed.database}`,
      environment,
      connection: {
        engine: 'postgres',
        host: parsed.host,
        port: parsed.port,
        database: parsed.database,
        user: parsed.user,
        ...(password === undefined ? {} : { password }),
        sslMode: parsed.sslMode,
        sslCaFile: parsed.sslCaFile,
        sqlitePath: '',
        readOnly: false,
      },
      ...project,
    };
  }
}
