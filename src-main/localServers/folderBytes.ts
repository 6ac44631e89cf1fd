// What a local server's folder holds on disk, for the list: a running server adds and removes files
// while this walks, so one that went meanwhile counts as nothing rather than failing the list.
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function folderBytes(path: string): number {
  let stats;
  try {
    stats = lstatSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.size;
  let entries: string[];
  try {
    entries = readdirSync(path);
  } catch {
    return 0;
  }
  return entries.reduce((total, entry) => total + folderBytes(join(path, entry)), 0);
}
