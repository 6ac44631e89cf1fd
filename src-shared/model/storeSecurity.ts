// The store's keys and copies from the app: where its key comes from, changing it, backing it up and
// restoring it (the CLI's `switchyard store …` does the same through the same store functions).
import { z } from 'zod';
import type { KeySource } from './session';

/** Another process that has the store open (the desktop app, `switchyard serve`, a command running). */
export interface StoreHolderView {
  pid: number;
  what: string;
  since: string;
}

export type KeychainAvailability = { available: true } | { available: false; reason: string };

export interface StoreSecurity {
  keySource: KeySource;
  /** The data folder the store is in. */
  storeDir: string;
  /** Whether the OS keychain can keep the store's key here (the desktop app with a keyring), and why not. */
  keychain: KeychainAvailability;
  /** Other processes with the store open: a key change or a restore is refused while there is one (E_LOCK_HELD). */
  otherHolders: StoreHolderView[];
}

export interface StoreBackup {
  file: string;
  /** FILE.keys.json: the key files without which no key opens FILE. */
  keysFile: string;
}

export interface StoreRestore {
  file: string;
  /** Where the store it replaced was kept. */
  keptAside?: string;
  keySource: KeySource;
}

const passphrase = z.string().min(1, 'A passphrase is required').max(1024);
const absolutePath = z
  .string()
  .trim()
  .min(1, 'A file is required')
  .max(4096)
  .refine(
    (path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\'),
    'Give the full path of the file (from / or a drive letter)',
  );

export const changePassphraseSchema = z.object({ current: passphrase, next: passphrase }).strict();
/** From the keychain's key to a passphrase: the new passphrase (the store's rule applies). */
export const usePassphraseSchema = z.object({ passphrase }).strict();
/** From a passphrase to the keychain's key: the current passphrase, which stops opening the store. */
export const useKeychainSchema = z.object({ current: passphrase }).strict();
export const storeBackupSchema = z.object({ file: absolutePath, replace: z.boolean().default(false) }).strict();
export const storeRestoreSchema = z
  .object({
    file: absolutePath,
    /** The passphrase the store had when it was backed up (a backup of a keychain store needs none). */
    passphrase: passphrase.optional(),
    /** The user confirmed that the store is replaced (the one it replaces is kept aside). */
    replaceStore: z.boolean().default(false),
  })
  .strict();
