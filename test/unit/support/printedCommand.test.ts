// Fault tests run the commands the CLI prints as printed: the line must be found whole, and only it.
import { describe, expect, it } from 'vitest';
import { printedCommand } from '../../support/cliProcess';

describe('printedCommand', () => {
  it('finds the command in a sentence, without the full stop, or inside backticks', () => {
    expect(printedCommand('Snapshot kept — undo with: switchyard snapshot restore 3f2a --url x.', 'snapshot restore')).toBe(
      'switchyard snapshot restore 3f2a --url x',
    );
    expect(printedCommand('Run `switchyard snapshot restore 3f2a --profile Shop` to get it back.', 'snapshot restore')).toBe(
      'switchyard snapshot restore 3f2a --profile Shop',
    );
    expect(printedCommand('nothing to run here', 'snapshot restore')).toBeUndefined();
  });
});
