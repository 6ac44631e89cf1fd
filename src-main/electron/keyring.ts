// The desktop key: 32 random bytes made at first run, kept wrapped by safeStorage (Keychain, DPAPI,
// libsecret/kwallet). Where safeStorage would only obfuscate (Linux basic_text), we say so and the
// app asks for a master passphrase instead.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { SwitchyardError } from '../../src-shared/errors';
import { keychainKeyFileName, type KeyProvider } from '../store/keyProvider';

export { keychainKeyFileName as wrappedKeyFileName } from '../store/keyProvider';

export type KeyringAvailability = { available: true } | { available: false; reason: string };

export async function keyringAvailability(safeStorage: SafeStorage, platform: NodeJS.Platform): Promise<KeyringAvailability> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) {
    return { available: false, reason: 'No OS keychain is available to protect the store key.' };
  }
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return { available: false, reason: 'No keyring (libsecret or KWallet) was found: the key would only be obfuscated, not protected.' };
  }
  return { available: true };
}

export function keyringKeyProvider(safeStorage: SafeStorage): KeyProvider {
  return {
    source: 'keyring',
    wrongKeyMessage: 'The key kept in the OS keychain does not open this store (was the keychain reset?). Nothing was changed.',
    async unlock(storeDir, create) {
      const path = join(storeDir, keychainKeyFileName);
      if (create || !existsSync(path)) {
        if (!create) {
          throw new SwitchyardError(
            'E_STORE_KEY_MISSING',
            `The store's wrapped key ${path} is missing, so the store beside it cannot be opened. Restore it from the same backup as the store, or move the store aside to start a new one. Nothing was changed.`,
            { path },
          );
        }
        const key = randomBytes(32);
        writeFileSync(path, await safeStorage.encryptStringAsync(key.toString('hex')), { mode: 0o600 });
        return key;
      }
      const { result } = await safeStorage.decryptStringAsync(readFileSync(path));
      return Buffer.from(result, 'hex');
    },
  };
}
