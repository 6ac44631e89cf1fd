// The store's keys and copies for the app (the API's store.* methods): change the passphrase, move the
// key between the OS keychain and a passphrase, back up and restore — with the open store closed for
// the change and opened again with the key it left, the window staying unlocked. Everything that can
// be refused is refused before the store closes; the CLI's `switchyard store` calls the same functions.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { SwitchyardError } from '../../src-shared/errors';
import { passphraseWeakness } from '../../src-shared/model/passphraseStrength';
import type { KeySource, SessionStatus } from '../../src-shared/model/session';
import type { KeychainAvailability, StoreBackup, StoreRestore, StoreSecurity } from '../../src-shared/model/storeSecurity';
import type { StoreSession } from '../session/storeSession';
import { backupKeysSuffix, backupKeySource, backupStore, restoreStore } from './backupStore';
import { judgeKey } from './keyCheck';
import { passphraseKeyProvider, type KeyProvider } from './keyProvider';
import { rekeyStore } from './rekeyStore';
import { otherHolders, refuseWhileHeld } from './storeHolders';

/** The OS keychain's key provider where the desktop app has one, else why not. */
export type Keychain = { keys: KeyProvider } | { unavailable: string };

export const noKeychain: Keychain = {
  unavailable: 'The OS keychain is reached only by the desktop app: here the store opens with a passphrase.',
};

const sourceWords: Record<KeySource, string> = { passphrase: 'a passphrase', keyring: "the OS keychain's key" };

export class StoreKeysService {
  constructor(
    private readonly session: StoreSession,
    private readonly keychain: Keychain,
  ) {}

  security(): StoreSecurity {
    this.session.openedWith();
    const keychain: KeychainAvailability = 'keys' in this.keychain ? { available: true } : { available: false, reason: this.keychain.unavailable };
    return { keySource: this.session.status().keySource, storeDir: this.session.storeDir, keychain, otherHolders: otherHolders(this.session.storeDir) };
  }

  /** Opens the store with the keychain's key: the desktop app's unlock after a lock, when the keychain keeps the key. */
  async unlockWithKeychain(): Promise<SessionStatus> {
    if (!('keys' in this.keychain))
      throw new SwitchyardError('E_KEYCHAIN_UNAVAILABLE', `${this.keychain.unavailable} Unlock it with its passphrase.`, { reason: this.keychain.unavailable });
    return this.session.unlock(this.keychain.keys);
  }

  async changePassphrase(current: string, next: string, actor: string): Promise<StoreSecurity> {
    this.requireSource('passphrase', 'change its passphrase');
    const proven = await this.provePassphrase(current);
    const keys = this.newPassphrase(next, current);
    refuseWhileHeld(this.session.storeDir, 'a new passphrase');
    await this.session.whileClosed(async () => {
      await rekeyStore(this.session.storeDir, proven, keys);
      return { keys, value: undefined };
    });
    this.session.store.audit.append({ actor, action: 'store.rekey', target: 'store', detail: {} });
    return this.security();
  }

  /** From the keychain's key to a passphrase, which the store then asks for. */
  async usePassphrase(passphrase: string, actor: string): Promise<StoreSecurity> {
    this.requireSource('keyring', 'move its key to a passphrase');
    const keys = this.newPassphrase(passphrase);
    return this.moveKey(keys, actor);
  }

  /** From a passphrase to a key kept by the OS keychain: the passphrase stops opening the store. */
  async useKeychain(current: string, actor: string): Promise<StoreSecurity> {
    this.requireSource('passphrase', 'move its key to the OS keychain');
    if (!('keys' in this.keychain))
      throw new SwitchyardError('E_KEYCHAIN_UNAVAILABLE', `${this.keychain.unavailable} Nothing was changed.`, { reason: this.keychain.unavailable });
    await this.provePassphrase(current);
    return this.moveKey(this.keychain.keys, actor);
  }

  async backup(file: string, replace: boolean, actor: string): Promise<StoreBackup> {
    const keysFile = `${file}${backupKeysSuffix}`;
    if (!existsSync(dirname(file)))
      throw new SwitchyardError('E_FILE_NOT_FOUND', `There is no folder ${dirname(file)} to write the backup in. Nothing was written.`);
    const taken = [file, keysFile].filter((path) => existsSync(path));
    if (taken.length && !replace)
      throw new SwitchyardError(
        'E_FILE_EXISTS',
        `${taken.join(' and ')} ${taken.length > 1 ? 'exist' : 'exists'}: replace ${taken.length > 1 ? 'them' : 'it'}, or choose another file. Nothing was written.`,
        {
          path: file,
        },
      );
    const { db, audit } = this.session.store;
    await backupStore(db, this.session.storeDir, this.session.openedWith(), file);
    audit.append({ actor, action: 'store.backup', target: 'store', detail: { file } });
    return { file, keysFile };
  }

  async restore(file: string, passphrase: string | undefined, replaceStore: boolean, actor: string): Promise<StoreRestore> {
    this.session.openedWith();
    if (!replaceStore)
      throw new SwitchyardError('E_CONFIRMATION_REQUIRED', 'A restore replaces the store and everything in it: confirm it first. Nothing was changed.');
    if (!existsSync(file)) throw new SwitchyardError('E_FILE_NOT_FOUND', `No backup at ${file}. Nothing was changed.`);
    const keys = this.backupKeys(file, passphrase);
    refuseWhileHeld(this.session.storeDir, 'a restore');
    const keptAside = await this.session.whileClosed(async () => ({ keys, value: await restoreStore(this.session.storeDir, file, keys) }));
    this.session.store.audit.append({ actor, action: 'store.restore', target: 'store', detail: { file, ...(keptAside ? { keptAside } : {}) } });
    return { file, ...(keptAside ? { keptAside } : {}), keySource: keys.source };
  }

  private requireSource(source: KeySource, doing: string): void {
    const current = this.session.status().keySource;
    if (current !== source)
      throw new SwitchyardError(
        'E_INVALID_INPUT',
        `The store opens with ${sourceWords[current]}, not ${sourceWords[source]}: it cannot ${doing}. Nothing was changed.`,
      );
  }

  /** The key the typed passphrase derives, proved to be the open store's before anything closes (a provider that gives it without scrypt again). */
  private async provePassphrase(current: string): Promise<KeyProvider> {
    const typed = passphraseKeyProvider(current);
    const key = await typed.unlock(this.session.storeDir, false);
    if (judgeKey(this.session.storeDir, key) !== 'right')
      throw new SwitchyardError('E_WRONG_PASSPHRASE', 'That is not the store’s current passphrase. Nothing was changed.');
    return { source: 'passphrase', wrongKeyMessage: typed.wrongKeyMessage, unlock: async () => key };
  }

  private newPassphrase(passphrase: string, current?: string): KeyProvider {
    const weakness = passphraseWeakness(passphrase);
    if (weakness) throw new SwitchyardError('E_WEAK_PASSPHRASE', `${weakness} Nothing was changed.`);
    if (current !== undefined && passphrase === current)
      throw new SwitchyardError('E_INVALID_INPUT', 'The new passphrase is the current one. Nothing was changed.');
    return passphraseKeyProvider(passphrase);
  }

  private async moveKey(keys: KeyProvider, actor: string): Promise<StoreSecurity> {
    const change = keys.source === 'keyring' ? 'a switch to the OS keychain' : 'a switch to a passphrase';
    refuseWhileHeld(this.session.storeDir, change);
    const before = this.session.openedWith();
    await this.session.whileClosed(async () => {
      await rekeyStore(this.session.storeDir, before, keys, change);
      return { keys, value: undefined };
    });
    this.session.store.audit.append({ actor, action: 'store.keySource', target: 'store', detail: { to: keys.source } });
    return this.security();
  }

  /** The key provider that opens the backup: its passphrase, or the keychain for a backup of a keychain store. */
  private backupKeys(file: string, passphrase: string | undefined): KeyProvider {
    if (backupKeySource(file) === 'keyring') {
      if ('keys' in this.keychain) return this.keychain.keys;
      throw new SwitchyardError(
        'E_KEYCHAIN_UNAVAILABLE',
        `${file} is a backup of a store whose key the OS keychain keeps. ${this.keychain.unavailable} Nothing was changed.`,
        {
          reason: this.keychain.unavailable,
        },
      );
    }
    if (!passphrase)
      throw new SwitchyardError('E_WRONG_PASSPHRASE', `${file} opens with the passphrase the store had when it was backed up: type it. Nothing was changed.`);
    return passphraseKeyProvider(passphrase);
  }
}
