// Where the store's 256-bit key comes from: a master passphrase stretched with scrypt (CLI, browser
// host, tests) or a random key wrapped by the OS keychain (desktop, see electron/keyring.ts).
import { randomBytes, scrypt as scryptCallback, type ScryptOptions } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { KeySource } from '../../src-shared/model/session';
import { SwitchyardError } from '../../src-shared/errors';
import { passphraseWeakness } from '../../src-shared/model/passphraseStrength';

export interface KeyProvider {
  readonly source: KeySource;
  /** Said when the key does not open an existing store. */
  readonly wrongKeyMessage: string;
  /** Returns the key; with create, makes a new one and persists whatever is needed to find it again. */
  unlock(storeDir: string, create: boolean): Promise<Buffer>;
  /** Why this key may not protect a new store (a passphrase too easy to guess); a random key always may. */
  newStoreRefusal?(): string | undefined;
}

export const kdfFileName = 'store.kdf.json';
/** The desktop's keychain-wrapped key (electron/keyring.ts). */
export const keychainKeyFileName = 'store.key';
/** The files that say where a store's key comes from: exactly one of them is beside a store. */
export const keySourceFileNames = [kdfFileName, keychainKeyFileName] as const;

/** A key file's content as text, to carry in a backup's or a swap's JSON: the keychain's wrapped key is bytes, so base64. */
export function keyFileText(name: string, bytes: Buffer): string {
  return name === keychainKeyFileName ? bytes.toString('base64') : bytes.toString('utf8');
}

/** A key file's content back from its text (keyFileText). */
export function keyFileBytes(name: string, text: string): Buffer {
  return Buffer.from(text, name === keychainKeyFileName ? 'base64' : 'utf8');
}

interface KdfParameters {
  version: 1;
  algorithm: 'scrypt';
  salt: string;
  N: number;
  r: number;
  p: number;
}

// N = 2^16, r = 8: about 64 MiB and a fraction of a second per unlock, an offline guess as costly.
const defaultCost = { N: 2 ** 16, r: 8, p: 1 };

function scrypt(passphrase: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(passphrase.normalize('NFC'), salt, 32, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

// The salt lives only in this file: without it no passphrase can rebuild the store's key.
const wayBack = (path: string) =>
  `Restore ${path} from the same backup as the store (they belong together), or move the store aside to start a new one. Nothing was changed.`;

function keyFileMissing(path: string): SwitchyardError {
  const keychainFile = join(dirname(path), keychainKeyFileName);
  if (existsSync(keychainFile)) {
    return new SwitchyardError(
      'E_STORE_KEY_MISSING',
      `This store's key is kept by the desktop app's OS keychain (${keychainFile}), not a passphrase. ` +
        'To open it here, switch it to a passphrase in the app (Store and security › Use a passphrase instead). Nothing was changed.',
      { path, keychainFile },
    );
  }
  return new SwitchyardError(
    'E_STORE_KEY_MISSING',
    `The store's key file ${path} is missing, so no passphrase can open the store beside it. ${wayBack(path)}`,
    { path },
  );
}

function readKdf(path: string): KdfParameters {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new SwitchyardError('E_STORE_CORRUPT', `The store's key file ${path} is unreadable. ${wayBack(path)}`, { path });
  }
  const kdf = parsed as Partial<KdfParameters>;
  if (kdf.algorithm !== 'scrypt' || typeof kdf.salt !== 'string' || !kdf.N || !kdf.r || !kdf.p) {
    throw new SwitchyardError('E_STORE_CORRUPT', `The store's key file ${path} is not in a known format. ${wayBack(path)}`, { path });
  }
  return kdf as KdfParameters;
}

/**
 * A passphrase's key provider. Each key it derives is kept for the provider's life, by the salt and cost
 * that made it: a process that asks again for the same store's key (a backup or a rekey opens the store,
 * then needs its key; a restore checks the backup, then opens what it swapped in) pays for scrypt once.
 */
export function passphraseKeyProvider(passphrase: string, cost: { N: number; r: number; p: number } = defaultCost): KeyProvider {
  const derived = new Map<string, Promise<Buffer>>();
  const derive = (kdf: KdfParameters): Promise<Buffer> => {
    const id = JSON.stringify([kdf.salt, kdf.N, kdf.r, kdf.p]);
    let key = derived.get(id);
    if (!key) {
      key = scrypt(passphrase, Buffer.from(kdf.salt, 'base64'), { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r });
      // A failed derivation (too costly for this machine's memory) is not kept: the next ask tries again.
      key.catch(() => derived.delete(id));
      derived.set(id, key);
    }
    return key;
  };
  return {
    source: 'passphrase',
    wrongKeyMessage: 'Wrong passphrase: it does not open this store. Nothing was changed.',
    newStoreRefusal: () => passphraseWeakness(passphrase),
    async unlock(storeDir, create) {
      if (!passphrase) throw new SwitchyardError('E_WRONG_PASSPHRASE', 'A passphrase is required to open the store.');
      const path = join(storeDir, kdfFileName);
      if (!create && !existsSync(path)) throw keyFileMissing(path);
      const kdf: KdfParameters = create ? { version: 1, algorithm: 'scrypt', salt: randomBytes(16).toString('base64'), ...cost } : readKdf(path);
      const key = await derive(kdf);
      if (create) writeFileSync(path, `${JSON.stringify(kdf, null, 2)}\n`, { mode: 0o600 });
      return key;
    },
  };
}
