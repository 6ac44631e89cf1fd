// What the runner works on: a database (with its secret, in memory only) and the project bound to
// it. Built from a saved profile, or from a --url and --project given to the CLI.
import type { Environment, Profile, ProjectFormatChoice } from '../../src-shared/model/profile';
import { SwitchyardError } from '../../src-shared/errors';
import type { ConnectionTarget } from '../drivers/driver';
import { toConnectionTarget } from '../profiles/connectionTarget';
import { loadProject, type LoadedProject } from '../migrations/project';

export interface MigrationTarget {
  /** Profile name (or the URL without password), for messages and the audit log. */
  name: string;
  environment: Environment;
  connection: ConnectionTarget;
  projectDir: string;
  projectFormat: ProjectFormatChoice;
  alembicCommand: string;
}

export function targetFromProfile(
  profile: Profile,
  password: string | undefined,
  projectDir?: string,
  sshSecrets: readonly (string | undefined)[] = [],
): MigrationTarget {
  return {
    name: profile.name,
    environment: profile.environment,
    connection: toConnectionTarget(profile, password, undefined, sshSecrets),
    projectDir: projectDir ?? profile.projectDir,
    projectFormat: profile.projectFormat,
    alembicCommand: profile.alembicCommand,
  };
}

export function loadTargetProject(target: MigrationTarget, recorded: readonly string[] = []): LoadedProject {
  if (!target.projectDir) {
    throw new SwitchyardError('E_PROJECT_NOT_FOUND', `No migration project is bound to ${target.name}: set its project folder first.`);
  }
  return loadProject(target.projectDir, {
    format: target.projectFormat === 'auto' ? undefined : target.projectFormat,
    engine: target.connection.engine,
    recorded,
  });
}
