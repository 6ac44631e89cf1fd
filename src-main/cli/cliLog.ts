// The CLI's log, <data folder>/logs/cli.log: the details of internal errors, which the terminal only
// points to. Private to the user, and never a secret: a command's name, never its arguments.
import { appendFileSync, chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from '../paths';

export function cliLogPath(dataDir: string = defaultDataDir()): string {
  return join(dataDir, 'logs', 'cli.log');
}

/** Secrets the process knows, and passwords inside connection URIs, replaced before anything is written. */
function redacted(text: string): string {
  let safe = text.replace(/(\/\/[^:@/\s]+:)[^@/\s]+@/g, '$1***@');
  for (const secret of [process.env.SWITCHYARD_PASSPHRASE, process.env.PGPASSWORD]) {
    if (secret) safe = safe.split(secret).join('***');
  }
  return safe;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** Appends the error under `switchyard <command>`; returns the log's path, or undefined when it cannot be written. */
export function logInternalError(command: string, error: unknown, dataDir?: string): string | undefined {
  const path = cliLogPath(dataDir);
  try {
    mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
    appendFileSync(path, `${new Date().toISOString()} switchyard ${command}: ${redacted(describe(error))}\n`, { mode: 0o600 });
    // appendFileSync's mode only applies to a new file; an older, looser one is tightened.
    chmodSync(path, 0o600);
    return path;
  } catch {
    return undefined;
  }
}
