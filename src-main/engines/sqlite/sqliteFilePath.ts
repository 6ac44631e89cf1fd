// A SQLite file's real path: two profiles of one file (through a symlink, a relative path) share its snapshots.
import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** A missing file (a reset stopped after deleting it) keys by its folder's real path, as it did when present. */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}
