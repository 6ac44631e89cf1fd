// Changes the store's key with SQLCipher's rekey, on a copy: the store is copied as it is, the copy
// rekeyed and proved to open with the new key, then swapped in with the new key files (rekeySwap.ts),
// so the old store stays usable until the swap and a crash leaves one key or the other. The new key
// comes from a key provider: a new passphrase (`store rekey`, Change passphrase), or the OS keychain's
// wrapped key and back (Use the keychain / Use a passphrase).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SwitchyardError } from '../../src-shared/errors';
import { openSqlite } from '../sqliteModule';
import { copyOpenStore, provesOpen } from './backupCopy';
import { keyCheckFileName, keyCheckText } from './keyCheck';
import { keyFileText, keySourceFileNames, type KeyProvider } from './keyProvider';
import { applyKey, openStore } from './openStore';
import { pauseAt } from './rekeyPause';
import { settleInterruptedSwap, stagedStorePath, swapInStore } from './rekeySwap';
import { storeExists, storePath } from './storeFiles';
import { refuseWhileHeld } from './storeHolders';

function rekeyCopy(path: string, oldKey: Buffer, newKey: Buffer): void {
  const db = openSqlite(path, { fileMustExist: true });
  try {
    applyKey(db, oldKey);
    // SQLite3 Multiple Ciphers refuses to rekey in WAL mode; leaving it reads the copied WAL into the file.
    db.pragma('journal_mode = DELETE');
    db.pragma(`hexrekey='${newKey.toString('hex')}'`);
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}

/**
 * A new key from the provider and the key files that find it again, made in a scratch folder so that
 * nothing beside the store changes before the swap: each key source's file (or null, removing the
 * other source's) and the key check.
 */
async function newStoreKey(storeDir: string, newKeys: KeyProvider): Promise<{ key: Buffer; files: Record<string, string | null> }> {
  const scratch = mkdtempSync(join(storeDir, 'rekey-key-'));
  try {
    const key = await newKeys.unlock(scratch, true);
    const files: Record<string, string | null> = Object.fromEntries(
      keySourceFileNames.map((name) => [name, existsSync(join(scratch, name)) ? keyFileText(name, readFileSync(join(scratch, name))) : null]),
    );
    return { key, files: { ...files, [keyCheckFileName]: keyCheckText(key) } };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Rekeys the store from oldKeys to newKeys; `change` names it in a refusal ("a new passphrase", "a switch to the OS keychain"). */
export async function rekeyStore(storeDir: string, oldKeys: KeyProvider, newKeys: KeyProvider, change = 'a new passphrase'): Promise<void> {
  if (!storeExists(storeDir)) throw new SwitchyardError('E_NOT_FOUND', `There is no store in ${storeDir} to change the key of.`);
  const weakness = newKeys.newStoreRefusal?.();
  if (weakness) throw new SwitchyardError('E_WEAK_PASSPHRASE', `${weakness} The passphrase was not changed.`);
  refuseWhileHeld(storeDir, change);
  settleInterruptedSwap(storeDir);
  // Opening proves the old key (and the store's health) with the store's own errors.
  const db = await openStore(storeDir, oldKeys);
  const staged = stagedStorePath(storeDir);
  try {
    const oldKey = await oldKeys.unlock(storeDir, false);
    const { key: newKey, files } = await newStoreKey(storeDir, newKeys);
    copyOpenStore(db, storePath(storeDir), staged);
    pauseAt('copied');
    rekeyCopy(staged, oldKey, newKey);
    pauseAt('rekeyed');
    if (!provesOpen(staged, newKey))
      throw new SwitchyardError('E_INTERNAL', "The rekeyed copy of the store did not read back whole. The store's key was not changed.");
    db.close();
    swapInStore(storeDir, files);
  } catch (error) {
    if (db.open) db.close();
    // Before the commit point the copy goes and the old store stands; after it, the next open finishes the swap.
    if (existsSync(staged)) settleInterruptedSwap(storeDir);
    throw error;
  }
}
