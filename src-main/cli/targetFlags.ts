// --profile NAME or --url URL, plus --project/--format/--alembic: how every database command says
// which database and which migration project it works on; or --project NAME --env ENV, a stored
// project's environment (its single connection, or the one --role/--profile picks). The flags become
// a TargetRef checked by the API's own schema, and the services' one resolver turns it into the target.
import { targetRefSchema, type TargetRef } from '../../src-shared/model/targetRef';
import type { Services } from '../services';
import type { ResolvedTarget } from '../targets/targetResolver';
import { checkedInput } from './checkedInput';
import { shellWord } from './shellWords';
import { warn, UsageError } from './output';

export const targetOptions = {
  profile: { type: 'string' },
  url: { type: 'string' },
  project: { type: 'string' },
  format: { type: 'string' },
  alembic: { type: 'string' },
  env: { type: 'string' },
  role: { type: 'string' },
} as const;

export const targetUsage = `Database (one of):
  --profile NAME        a saved connection profile (the store's passphrase: SWITCHYARD_PASSPHRASE or a prompt)
  --url URL             postgres://user@host:port/db (password: PGPASSWORD, or in the URL with a warning)
                        or sqlite:///absolute/path.db; --env dev|test|staging|prod|demo (default dev)
  --project NAME --env ENV   the connection of a stored project's environment (switchyard projects list);
                        when it has several, --role ROLE or --profile NAME picks one
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
  role?: string | undefined;
}

/** --project NAME --env ENV without --url: a stored project's environment, not a folder beside a profile. */
export function namesProjectEnvironment<F extends TargetFlags>(flags: F): flags is F & { project: string; env: string } {
  return Boolean(flags.project && flags.env && !flags.url);
}

export function requireOneTarget(flags: TargetFlags): void {
  if (namesProjectEnvironment(flags)) return;
  if (flags.role) throw new UsageError(`--role picks a connection of a project's environment: give it with --project NAME --env ENV.\n\n${targetUsage}`);
  if (Boolean(flags.profile) === Boolean(flags.url))
    throw new UsageError(`Give exactly one of --profile or --url (or --project NAME --env ENV).\n\n${targetUsage}`);
}

/**
 * The one connection of a project's environment the flags name: its only one, or the one --role
 * and/or --profile pick among several. Anything else is a usage error listing the connections.
 */
function projectEnvironmentRef(flags: TargetFlags & { project: string; env: string }, services: Services): TargetRef {
  const project = services.projects.get(flags.project);
  const env = project.environments.find((e) => e.name.toLowerCase() === flags.env.toLowerCase())?.name ?? flags.env;
  const where = `the environment ${env} of the project ${project.name}`;
  const profileId = flags.profile ? services.profiles.named(flags.profile).id : undefined;
  const role = flags.role?.toLowerCase();
  // The project read once, and only the picked connection's name read (E_NOT_FOUND for an unknown environment).
  const picked = services.projects.membersOf(
    project,
    flags.env,
    (m) => (role === undefined || m.role.toLowerCase() === role) && (profileId === undefined || m.profileId === profileId),
  );
  const member = picked[0];
  if (member && picked.length === 1) {
    return { ...member.ref, ...(flags.format ? { format: flags.format } : {}), ...(flags.alembic ? { alembic: flags.alembic } : {}) } as TargetRef;
  }
  const all = picked.length > 1 && role === undefined && profileId === undefined ? picked : services.projects.membersOf(project, flags.env);
  if (all.length === 0) {
    throw new UsageError(
      `No connection is in ${where} (none was given, or they were removed). Give it one with: ` +
        `switchyard projects env ${shellWord(project.name)} ${shellWord(env)} PROFILE`,
    );
  }
  const listed = all.map((m) => `${m.profileName} (role ${m.role})`).join(', ');
  const asked = [flags.role ? `--role ${flags.role}` : '', flags.profile ? `--profile ${flags.profile}` : ''].filter(Boolean).join(' ');
  const why = picked.length === 0 ? `No connection of ${where} matches ${asked}` : `${picked.length} connections are in ${where}`;
  const example = shellWord((all[0] as (typeof all)[number]).profileName);
  throw new UsageError(`${why}: ${listed}. Pick one with --role ROLE or --profile NAME (for example --profile ${example}).\n\n${targetUsage}`);
}

/** Flag names for the schema's paths, so a refusal names what was typed. */
const flagOf: Record<string, string> = { profileId: '--profile', url: '--url', env: '--env', project: '--project', format: '--format', alembic: '--alembic' };
const [byProfile, byUrl] = targetRefSchema.options;

/** The flags as a TargetRef; a profile is named by its name (or id) and looked up in the open store. */
export function targetRefOf(flags: TargetFlags, services: Services): TargetRef {
  requireOneTarget(flags);
  if (namesProjectEnvironment(flags)) return checkedInput(byProfile, projectEnvironmentRef(flags, services), flagOf, targetUsage);
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
  const checked = checkedInput(flags.profile ? byProfile : byUrl, ref, flagOf, targetUsage);
  if (flags.url && /^postgres(?:ql)?:\/\/[^/@]*:[^/@]*@/.test(flags.url)) {
    warn('switchyard: warning: a password on the command line can be read by other users of this machine; prefer PGPASSWORD or a saved profile.\n');
  }
  return checked;
}

export function resolveTargetFlags(services: Services, flags: TargetFlags): ResolvedTarget {
  return services.targets.resolve(targetRefOf(flags, services));
}
