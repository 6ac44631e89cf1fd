import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../../src-main/cli/output';

describe('terminalSafe', () => {
  it('shows escape sequences, lone carriage returns and bidi overrides as text, keeping tabs and line ends', () => {
    expect(terminalSafe('005_\x1b[31mred.sql')).toBe('005_\\x1b[31mred.sql');
    expect(terminalSafe('done\rFAILED\x07\x9b\u202egnp.exe')).toBe('done\\x0dFAILED\\x07\\x9b\\u202egnp.exe');
    expect(terminalSafe('a\tb\nc — ü\r\n')).toBe('a\tb\nc — ü\r\n');
  });
});
