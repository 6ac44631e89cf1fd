// How every command reads its flags: strictly, and an unknown flag, a flag without its value or a
// stray word is a usage error (exit 2) followed by the command's usage, never an internal error.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './output';

type FlagsConfig = Omit<ParseArgsConfig, 'args' | 'strict'>;

// A relative target (`--to -1`, `--to -2`) looks like an option to parseArgs, which then refuses it as ambiguous.
const negativeNumber = /^-\d+$/;

/** `--flag -1` as `--flag=-1` for a flag that takes a value, so the value is not read as an option. */
function withNegativeValues(args: readonly string[], config: FlagsConfig): string[] {
  const takesValue = (arg: string) => arg.startsWith('--') && config.options?.[arg.slice(2)]?.type === 'string';
  const joined: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    const next = args[i + 1];
    if (takesValue(arg) && next !== undefined && negativeNumber.test(next)) {
      joined.push(`${arg}=${next}`);
      i += 1;
    } else joined.push(arg);
  }
  return joined;
}

export function parseFlags<const C extends FlagsConfig>(args: string[], config: C, usage: string) {
  try {
    return parseArgs<C & { strict: true }>({ ...config, args: withNegativeValues(args, config), strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${usage}`);
  }
}
