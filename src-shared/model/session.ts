// Whether the encrypted store is open, and how it gets its key.

export type KeySource = 'passphrase' | 'keyring';

export interface SessionStatus {
  locked: boolean;
  /** False on first run: unlocking will create the store with the passphrase given. */
  storeExists: boolean;
  keySource: KeySource;
  /** Why a passphrase is asked for where a keyring would normally be used. */
  reason?: string;
}
