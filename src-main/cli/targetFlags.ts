// --profile NAME or --url URL, plus --project/--format/--alembic: how every database command says
// which database and which migration project it works on. The flags become a TargetRef checked by
// the API's own schema, and the services' one resolver turns it into the target.
import { targetRefSchema, type TargetRef } from '../../src-shared/model/targetRef';
import type { Services } from '../services';
import type { ResolvedTarget } from '../targets/targetResolver';
import { checkedInput } from './checkedInput';
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
                        or sqlite:///absolute/path.db; --env dev|test|staging|prod|demo (default dev)
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

export function requireOneTarget(flags: TargetFlags): void {
  if (Boolean(flags.profile) === Boolean(flags.url)) throw new UsageError(`Give exactly one of --profile or --url.\n\n${targetUsage}`);
}

/** Flag names for the schema's paths, so a refusal names what was typed. */
const flagOf: Record<string, string> = { profileId: '--profile', url: '--url', env: '--env', project: '--project', format: '--format', alembic: '--alembic' };

/** The flags as a TargetRef; a profile is named by its name (or id) and looked up in the open store. */
export function targetRefOf(flags: TargetFlags, services: Services): TargetRef {
  requireOneTarget(flags);
  const project = {
    ...(flags.project ? { project: flags.project } : {}),
    ...(flags.format ? { format: flags.format } : {}),
    ...(flags.alembic ? { alembic: flags.alembic } : {}),
  };
  let ref: Record<string, unknown>;
  if (flags.profile) {
    ref = { profileId: services.profiles.named(flags.profile).id, ...project };
  } else {
    ref = { url: flags.url, ...(flags.env ? { env: flags.env } : {}), ...project };
  }
  // The union's own branch, so a refusal names the field (the union alone would say only "Invalid input").
  const [byProfile, byUrl] = targetRefSchema.options;
  const checked = checkedInput(flags.profile ? byProfile : byUrl, ref, flagOf, targetUsage);
  if (flags.url && /^postgres(?:ql)?:\/\/[^/@]*:[^/@]*@/.test(flags.url)) {
    warn('switchyard: warning: a password on the command line can be read by other users of this machine; prefer PGPASSWORD or a saved profile.\n');
  }
  return checked;
}

export function resolveTargetFlags(services: Services, flags: TargetFlags): ResolvedTarget {
  return services.targets.resolve(targetRefOf(flags, services));
}
