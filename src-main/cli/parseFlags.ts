// How every command reads its flags: strictly, and an unknown flag, a flag without its value or a
// stray word is a usage error (exit 2) followed by the command's usage, never an internal error.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './output';

type FlagsConfig = Omit<ParseArgsConfig, 'args' | 'strict'>;

export function parseFlags<const C extends FlagsConfig>(args: string[], config: C, usage: string) {
  try {
    return parseArgs<C & { strict: true }>({ ...config, args, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${usage}`);
  }
}
