// The commands the CLI suggests (undo a reset, restore the latest snapshot, run again with a flag),
// written so that pasting them into a POSIX shell runs exactly that: every word quoted as needed, the
// database named the way this invocation named it.
import type { MigrationTarget } from '../targets/migrationTarget';
import { commandLine } from './shellWords';
import { namesProjectEnvironment, type TargetFlags } from './targetFlags';

export { commandLine, shellWord } from './shellWords';

/** --project NAME --env ENV (with its pick), --profile NAME, or --url URL (without a password in it: the hint must not print a secret) and its --env. */
export function targetWords(flags: TargetFlags): string[] {
  if (namesProjectEnvironment(flags)) {
    return [
      '--project',
      flags.project,
      '--env',
      flags.env,
      ...(flags.role ? ['--role', flags.role] : []),
      ...(flags.profile ? ['--profile', flags.profile] : []),
    ];
  }
  if (flags.profile) return ['--profile', flags.profile];
  const env = flags.env ? ['--env', flags.env] : [];
  if (flags.url?.startsWith('sqlite:')) return ['--url', flags.url, ...env];
  const url = new URL(flags.url ?? '');
  if (url.password) url.password = '';
  return ['--url', url.toString(), ...env];
}

/** The command that restores a snapshot over this database, with production's confirmations spelled out. */
export function restoreCommand(snapshotId: string, flags: TargetFlags, target: Pick<MigrationTarget, 'name' | 'environment'>): string {
  const production = target.environment === 'prod' ? ['--confirm', target.name, '--yes-production'] : [];
  return commandLine(['snapshot', 'restore', snapshotId, ...targetWords(flags), ...production]);
}
