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
