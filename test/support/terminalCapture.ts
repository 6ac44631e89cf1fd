// What a CLI command run in-process printed: stdout and stderr are captured per test, not shown.
import { afterEach, beforeEach, vi } from 'vitest';

export interface Terminal {
  output: string;
  errors: string;
}

export function captureTerminal(): Terminal {
  const terminal: Terminal = { output: '', errors: '' };
  beforeEach(() => {
    terminal.output = '';
    terminal.errors = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((terminal.output += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((terminal.errors += String(chunk)), true));
  });
  afterEach(() => vi.restoreAllMocks());
  return terminal;
}
