// Replacing the store with another database file and the key files that open it (a rekey, a restore)
// so that a process killed at any moment leaves a store that opens with one key or the other:
//
//   1. the new database is made whole under `switchyard.db.rekey` and synced;
//   2. the new key files' contents are written to `store.rekey.json` (atomically, synced);
//   3. `switchyard.db.rekey` is renamed over `switchyard.db` — the commit point;
//   4. each key file is written from store.rekey.json (atomically), then store.rekey.json goes.
//
// On the next open (settleInterruptedSwap, before any key is read): `switchyard.db.rekey` still there
// means the swap never committed, so it and store.rekey.json go and the old store stands; store.rekey.json
// alone means it committed, so its key files are put in place. Either way, nothing needs a passphrase.
import { existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SwitchyardError } from '../../src-shared/errors';
import { storePath } from './storeFiles';
import { keyFileBytes } from './keyProvider';
import { pauseAt } from './rekeyPause';
import { syncFile, syncFolder, writePrivateFile } from './privateFileWrite';

export const stagedStoreSuffix = '.rekey';
export const swapManifestName = 'store.rekey.json';

interface SwapManifest {
  version: 1;
  /** Key file name → its new content (as keyFileText carries it); null removes it (a key source the new store does not use). */
  files: Record<string, string | null>;
}

export function stagedStorePath(storeDir: string): string {
  return `${storePath(storeDir)}${stagedStoreSuffix}`;
}

const journalOf = (path: string) => [`${path}-wal`, `${path}-shm`, `${path}-journal`];

function applyManifest(storeDir: string, manifestPath: string): void {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as SwapManifest;
  for (const [name, content] of Object.entries(manifest.files)) {
    if (content === null) rmSync(join(storeDir, name), { force: true });
    else writePrivateFile(join(storeDir, name), keyFileBytes(name, content));
    pauseAt('keyFile');
  }
  rmSync(manifestPath);
  syncFolder(storeDir);
}

/** Finishes or undoes a swap a killed process left; true when there was one. */
export function settleInterruptedSwap(storeDir: string): boolean {
  const staged = stagedStorePath(storeDir);
  const manifest = join(storeDir, swapManifestName);
  if (existsSync(staged)) {
    for (const file of [staged, ...journalOf(staged), manifest]) rmSync(file, { force: true });
    syncFolder(storeDir);
    return true;
  }
  if (existsSync(manifest)) {
    applyManifest(storeDir, manifest);
    return true;
  }
  return false;
}

/**
 * Puts the staged database (closed, whole) in place with its key files. The store must be closed by
 * every process: a journal left beside the store file would be read against the new file.
 */
export function swapInStore(storeDir: string, files: Record<string, string | null>): void {
  const store = storePath(storeDir);
  const staged = stagedStorePath(storeDir);
  for (const journal of journalOf(store)) {
    if (existsSync(journal) && statSync(journal).size > 0) {
      throw new SwitchyardError(
        'E_LOCK_HELD',
        `The store is still open elsewhere (${journal} is in use): close Switchyard there and try again. Nothing was changed.`,
      );
    }
  }
  // Proving the staged file opens leaves its (empty) WAL and index beside it: they must not follow it in.
  if (existsSync(`${staged}-wal`) && statSync(`${staged}-wal`).size > 0)
    throw new SwitchyardError('E_INTERNAL', `${staged} was left with a journal. Nothing was changed.`);
  for (const journal of journalOf(staged)) rmSync(journal, { force: true });
  syncFile(staged);
  writePrivateFile(join(storeDir, swapManifestName), `${JSON.stringify({ version: 1, files } satisfies SwapManifest)}\n`);
  pauseAt('staged');
  for (const journal of journalOf(store)) rmSync(journal, { force: true });
  renameSync(staged, store);
  syncFolder(storeDir);
  pauseAt('swapped');
  applyManifest(storeDir, join(storeDir, swapManifestName));
}
