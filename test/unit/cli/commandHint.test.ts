// The commands the CLI prints must run as printed in a POSIX shell and never carry a secret.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { commandLine, restoreCommand, shellWord, targetWords } from '../../../src-main/cli/commandHint';

/** What a shell makes of a printed line: its words, as the program receives them. */
function wordsAsTheShellSees(line: string): string[] {
  const echoed = spawnSync('sh', ['-c', `switchyard() { printf '%s\\0' "$@"; }; ${line}`], { encoding: 'utf8' });
  return echoed.stdout.split('\0').slice(0, -1);
}

describe('printed commands', () => {
  it('reach the program word for word, whatever the names hold', () => {
    const awkward = ["Ada's shop (staging)", 'a b', '$HOME', '`id`', 'semi;colon', '"quoted"', 'back\\slash', '*', ''];
    expect(wordsAsTheShellSees(commandLine(['snapshot', 'restore', ...awkward]))).toEqual(['snapshot', 'restore', ...awkward]);
  });

  it('leave plain words unquoted, so the usual command reads as typed', () => {
    expect(commandLine(['snapshot', 'restore', '3f2a91c0', '--profile', 'Staging'])).toBe('switchyard snapshot restore 3f2a91c0 --profile Staging');
    expect(shellWord('postgres://app@db:5432/shop')).toBe('postgres://app@db:5432/shop');
  });

  it('name the database as the command was told, without a password from the URL', () => {
    expect(targetWords({ url: 'postgres://app:s3cret@db:5432/shop', env: 'staging' })).toEqual(['--url', 'postgres://app@db:5432/shop', '--env', 'staging']);
    expect(targetWords({ url: 'sqlite:///data/shop.db' })).toEqual(['--url', 'sqlite:///data/shop.db']);
    expect(targetWords({ profile: 'Prod' })).toEqual(['--profile', 'Prod']);
  });

  it('spell out the confirmations a production restore needs', () => {
    expect(restoreCommand('3f2a91c0', { profile: 'Prod' }, { name: 'Prod', environment: 'prod' })).toBe(
      'switchyard snapshot restore 3f2a91c0 --profile Prod --confirm Prod --yes-production',
    );
  });
});
