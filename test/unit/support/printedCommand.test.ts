// Fault tests run the commands the CLI prints exactly as a shell would: the words and the line must come out right.
import { describe, expect, it } from 'vitest';
import { printedCommand, shellWords } from '../../support/cliProcess';

describe('shellWords', () => {
  it('splits plain words, single and double quotes, and backslash escapes as a POSIX shell does', () => {
    expect(shellWords(`switchyard snapshot restore 3f2a --url 'postgres://app@db:5432/shop; x' --name "it's \\"here\\"" a\\ b ''`)).toEqual([
      'switchyard', 'snapshot', 'restore', '3f2a', '--url', 'postgres://app@db:5432/shop; x', '--name', 'it\'s "here"', 'a b', '',
    ]);
  });

  it('refuses an unbalanced quote rather than guessing', () => {
    expect(() => shellWords("switchyard --name 'open")).toThrow(/unbalanced/);
  });
});

describe('printedCommand', () => {
  it('finds the command in a sentence, without the full stop, or inside backticks', () => {
    expect(printedCommand('Snapshot kept — undo with: switchyard snapshot restore 3f2a --url x.', 'snapshot restore')).toBe('switchyard snapshot restore 3f2a --url x');
    expect(printedCommand('Run `switchyard snapshot restore 3f2a --profile Shop` to get it back.', 'snapshot restore')).toBe('switchyard snapshot restore 3f2a --profile Shop');
    expect(printedCommand('nothing to run here', 'snapshot restore')).toBeUndefined();
  });
});
