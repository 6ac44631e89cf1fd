// The commands the CLI suggests (undo a reset, restore the latest snapshot, run again with a flag),
// written so that pasting them into a POSIX shell runs exactly that: every word quoted as needed, the
// database named the way this invocation named it.
import type { MigrationTarget } from '../targets/migrationTarget';
import type { TargetFlags } from './targetFlags';

const plainWord = /^[A-Za-z0-9_\-.,:/@%+=]+$/;

export function shellWord(word: string): string {
  return plainWord.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(words: readonly string[]): string {
  return ['switchyard', ...words].map(shellWord).join(' ');
}

/** --profile NAME, or --url URL (without a password in it: the hint must not print a secret) and its --env. */
export function targetWords(flags: TargetFlags): string[] {
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
