// A backup of the store: FILE, the encrypted database with the same key (pages as they are, 0600), and
// FILE.keys.json beside it, the store's key files (the scrypt salt and cost, or the keychain-wrapped key,
// and the key check: nothing secret), without which no passphrase could open FILE again.
// A restore checks that the passphrase opens the backup whole before anything is replaced, keeps the
// store it replaces in a folder beside it, and swaps the backup in as a rekey does (rekeySwap.ts).
import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SwitchyardError } from '../../src-shared/errors';
import { copyOpenStore, provesOpen } from './backupCopy';
import { judgeKey, keyCheckFileName } from './keyCheck';
import type { KeySource } from '../../src-shared/model/session';
import { keychainKeyFileName, keyFileBytes, keyFileText, keySourceFileNames, type KeyProvider } from './keyProvider';
import { applyKey, type StoreDatabase } from './openStore';
import { openSqlite } from '../sqliteModule';
import { privateFileMode } from './storeAccess';
import { storeCorrupt, visibleDamage } from './storeDamage';
import { storeExists, storePath } from './storeFiles';
import { settleInterruptedSwap, stagedStorePath, swapInStore } from './rekeySwap';
import { refuseWhileHeld } from './storeHolders';
import { writePrivateFile } from './privateFileWrite';

/** The key source's file (the passphrase's kdf file, or the keychain's wrapped key) and the key check. */
const keyFileNames = [...keySourceFileNames, keyCheckFileName];

export const backupKeysSuffix = '.keys.json';

interface BackupKeys {
  format: 'switchyard-store-backup-keys';
  version: 1;
  files: Record<string, string>;
}

/** Writes FILE and FILE.keys.json from the open store; the database copied whole, the WAL folded in. */
export async function backupStore(db: StoreDatabase, storeDir: string, keys: KeyProvider, file: string): Promise<void> {
  const key = await keys.unlock(storeDir, false);
  const partial = `${file}.partial-${process.pid}`;
  try {
    copyOpenStore(db, storePath(storeDir), partial);
    const copy = openSqlite(partial, { fileMustExist: true });
    try {
      applyKey(copy, key);
      // One file: what the WAL held is written into it, and it stays a WAL-mode store once restored.
      copy.pragma('journal_mode = DELETE');
      copy.pragma('journal_mode = WAL');
    } finally {
      copy.close();
    }
    if (!provesOpen(partial, key)) throw new SwitchyardError('E_INTERNAL', 'The backup did not read back whole, so it was not written.');
    const files = Object.fromEntries(
      keyFileNames.filter((name) => existsSync(join(storeDir, name))).map((name) => [name, keyFileText(name, readFileSync(join(storeDir, name)))]),
    );
    writePrivateFile(
      `${file}${backupKeysSuffix}`,
      `${JSON.stringify({ format: 'switchyard-store-backup-keys', version: 1, files } satisfies BackupKeys, null, 2)}\n`,
    );
    writePrivateFile(file, readFileSync(partial));
  } finally {
    for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(leftover, { force: true });
  }
}

function readBackupKeys(file: string): BackupKeys {
  const path = `${file}${backupKeysSuffix}`;
  if (!existsSync(path)) {
    throw new SwitchyardError(
      'E_STORE_KEY_MISSING',
      `The backup's key file ${path} is missing: it is written beside every backup, and no passphrase opens ${file} without it. Nothing was changed.`,
      { path },
    );
  }
  try {
    const keys = JSON.parse(readFileSync(path, 'utf8')) as BackupKeys;
    if (keys.format === 'switchyard-store-backup-keys' && keys.version === 1 && typeof keys.files === 'object') return keys;
  } catch {
    // Said below, with the way out.
  }
  throw new SwitchyardError('E_STORE_CORRUPT', `The backup's key file ${path} is not one Switchyard wrote. Nothing was changed.`, { path });
}

/** The key the provider derives from the backup's own key files, and whether it opens the backup whole. */
async function backupKey(storeDir: string, file: string, backupKeys: BackupKeys, keys: KeyProvider): Promise<Buffer> {
  const scratch = mkdtempSync(join(storeDir, 'restore-check-'));
  try {
    for (const [name, content] of Object.entries(backupKeys.files)) writeFileSync(join(scratch, name), keyFileBytes(name, content), { mode: privateFileMode });
    const key = await keys.unlock(scratch, false);
    if (provesOpen(file, key)) return key;
    if (judgeKey(scratch, key) === 'right') throw storeCorrupt(file, 'damaged');
    throw new SwitchyardError(
      'E_WRONG_PASSPHRASE',
      `That passphrase does not open the backup ${file} (give the passphrase the store had when it was backed up). Nothing was changed.`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The store's files now, kept in a folder beside it; its path. */
function keepAside(storeDir: string): string | undefined {
  if (!storeExists(storeDir)) return undefined;
  const aside = join(storeDir, `before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(aside, { mode: 0o700 });
  // A hard link keeps the old file whole when the restore renames over its name.
  linkSync(storePath(storeDir), join(aside, 'switchyard.db'));
  for (const name of keyFileNames.filter((n) => existsSync(join(storeDir, n)))) copyFileSync(join(storeDir, name), join(aside, name));
  return aside;
}

/** Replaces the store with the backup in FILE; returns where the store it replaced was kept. */
export async function restoreStore(storeDir: string, file: string, keys: KeyProvider): Promise<string | undefined> {
  if (!existsSync(file)) throw new SwitchyardError('E_FILE_NOT_FOUND', `No backup at ${file}. Nothing was changed.`);
  const damage = visibleDamage(file);
  if (damage) throw storeCorrupt(file, damage);
  const backupKeys = readBackupKeys(file);
  mkdirSync(storeDir, { recursive: true, mode: 0o700 });
  await backupKey(storeDir, file, backupKeys, keys);
  refuseWhileHeld(storeDir, 'a restore');
  settleInterruptedSwap(storeDir);
  const aside = keepAside(storeDir);
  const staged = stagedStorePath(storeDir);
  copyFileSync(file, staged);
  chmodSync(staged, privateFileMode);
  const replaced = Object.fromEntries(keyFileNames.map((name) => [name, backupKeys.files[name] ?? null]));
  try {
    swapInStore(storeDir, replaced);
  } catch (error) {
    if (existsSync(staged)) settleInterruptedSwap(storeDir);
    throw error;
  }
  return aside;
}

/** Which key opens a backup: a passphrase (its kdf file was kept) or the desktop's keychain (its wrapped key was). */
export function backupKeySource(file: string): KeySource {
  return keychainKeyFileName in readBackupKeys(file).files ? 'keyring' : 'passphrase';
}
