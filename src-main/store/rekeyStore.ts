// Changes the store's master passphrase with SQLCipher's rekey, on a copy: the store is copied as it is,
// the copy rekeyed and proved to open with the new key, then swapped in with the new key files
// (rekeySwap.ts), so the old store stays usable until the swap and a crash leaves one key or the other.
import { existsSync } from 'node:fs';
import { SwitchyardError } from '../../src-shared/errors';
import { passphraseWeakness } from '../../src-shared/model/passphraseStrength';
import { openSqlite } from '../sqliteModule';
import { copyOpenStore, provesOpen } from './backupCopy';
import { keyCheckFileName, keyCheckText } from './keyCheck';
import { kdfFileName, newPassphraseKey, type KeyProvider } from './keyProvider';
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

export async function rekeyStore(storeDir: string, oldKeys: KeyProvider, newPassphrase: string): Promise<void> {
  if (!storeExists(storeDir)) throw new SwitchyardError('E_NOT_FOUND', `There is no store in ${storeDir} to change the passphrase of.`);
  const weakness = passphraseWeakness(newPassphrase);
  if (weakness) throw new SwitchyardError('E_WEAK_PASSPHRASE', `${weakness} The passphrase was not changed.`);
  refuseWhileHeld(storeDir, 'a new passphrase');
  settleInterruptedSwap(storeDir);
  // Opening proves the old passphrase (and the store's health) with the store's own errors.
  const db = await openStore(storeDir, oldKeys);
  const staged = stagedStorePath(storeDir);
  try {
    const oldKey = await oldKeys.unlock(storeDir, false);
    const { key: newKey, kdfText } = await newPassphraseKey(newPassphrase);
    copyOpenStore(db, storePath(storeDir), staged);
    pauseAt('copied');
    rekeyCopy(staged, oldKey, newKey);
    pauseAt('rekeyed');
    if (!provesOpen(staged, newKey))
      throw new SwitchyardError('E_INTERNAL', 'The rekeyed copy of the store did not read back whole. The passphrase was not changed.');
    db.close();
    swapInStore(storeDir, { [kdfFileName]: kdfText, [keyCheckFileName]: keyCheckText(newKey) });
  } catch (error) {
    if (db.open) db.close();
    // Before the commit point the copy goes and the old store stands; after it, the next open finishes the swap.
    if (existsSync(staged)) settleInterruptedSwap(storeDir);
    throw error;
  }
}
