// Files holding secrets (bundles, store backups) written the way the store writes its own: private to
// the user (0600) from the first byte, beside the final name, synced, then renamed into place, so a
// crash leaves the old file or the new one, never half of one.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { privateFileMode } from './storeAccess';

/** Syncs a folder, so a rename in it survives a power cut (where the platform can open a folder). */
export function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder; its renames are durable without it.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function writePrivateFile(path: string, data: string | Buffer): void {
  const partial = `${path}.partial-${process.pid}`;
  const fd = openSync(partial, 'w', privateFileMode);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(partial, path);
  syncFolder(dirname(path));
}
