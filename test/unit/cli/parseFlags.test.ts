// Flags are read strictly; a relative target such as -1 is still a value of a flag that takes one.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src-main/cli/output';
import { parseFlags } from '../../../src-main/cli/parseFlags';

const config = { options: { to: { type: 'string' }, down: { type: 'boolean' } } } as const;
const parse = (args: string[]) => parseFlags(args, config, 'usage: stamp --to TARGET [--down]').values;

describe('reading flags', () => {
  it('takes a negative relative target after a space as the value of --to, as with =', () => {
    expect(parse(['--to', '-1', '--down'])).toEqual({ to: '-1', down: true });
    expect(parse(['--down', '--to', '-12'])).toEqual({ to: '-12', down: true });
    expect(parse(['--to=-1'])).toEqual({ to: '-1' });
  });

  it('still refuses a number after a flag that takes no value, and an option where a value was expected', () => {
    expect(() => parse(['--down', '-1'])).toThrow(UsageError);
    expect(() => parse(['--to', '--down'])).toThrow(UsageError);
    expect(() => parse(['--to', '-x'])).toThrow(UsageError);
  });
});
