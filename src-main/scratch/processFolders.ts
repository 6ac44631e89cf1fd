// Folders named for the process that made them (`<prefix>-<pid>`), so what a killed Switchyard left
// behind is recognised and removed by the next one, and two Switchyards never share one.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export const folderOfThisProcess = (parent: string, prefix: string) => join(parent, `${prefix}-${process.pid}`);

/** `<prefix>-<pid>` folders in `parent` whose process has ended. */
export function foldersOfEndedProcesses(parent: string, prefix: string): string[] {
  if (!existsSync(parent)) return [];
  return readdirSync(parent)
    .filter((name) => {
      const owner = name.startsWith(`${prefix}-`) ? Number(name.slice(prefix.length + 1)) : Number.NaN;
      return Number.isInteger(owner) && owner > 0 && owner !== process.pid && !alive(owner);
    })
    .map((name) => join(parent, name));
}

const atExit = new Set<() => void>();

/**
 * Runs `cleanup` when the process exits, however it exits, unless the returned function is called
 * first. 'exit' runs synchronous code only: whatever is cleaned up must not be waited for.
 */
export function cleanUpAtExit(cleanup: () => void): () => void {
  if (atExit.size === 0) process.on('exit', runAtExit);
  atExit.add(cleanup);
  return () => {
    atExit.delete(cleanup);
    if (atExit.size === 0) process.removeListener('exit', runAtExit);
  };
}

function runAtExit(): void {
  for (const cleanup of atExit) cleanup();
}
