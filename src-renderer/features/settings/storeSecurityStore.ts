// Store and security: where the store's key comes from, a new passphrase, the key moved to the OS
// keychain and back, a backup and a restore — each through the store.* API (the services refuse what
// the user did not confirm or another process would lose), the window staying unlocked throughout.
import { create } from 'zustand';
import type { StoreSecurity } from '../../../src-shared/model/storeSecurity';
import { asError, call, type ShownError } from '../../api/client';
import { useConnections } from '../connections/connectionsStore';

export type StoreAction = 'changePassphrase' | 'useKeychain' | 'usePassphrase' | 'backup' | 'restore';

interface StoreSecurityState {
  open: boolean;
  security: StoreSecurity | undefined;
  busy: StoreAction | undefined;
  /** The last action's failure, shown beside its section. */
  failure: { action: StoreAction; error: ShownError; detail?: unknown } | undefined;
  /** What the last action did, in words. */
  done: { action: StoreAction; text: string } | undefined;
  show(): void;
  close(): void;
  load(): Promise<void>;
  changePassphrase(current: string, next: string): Promise<boolean>;
  useKeychain(current: string): Promise<boolean>;
  usePassphrase(passphrase: string): Promise<boolean>;
  backup(file: string, replace: boolean): Promise<boolean>;
  restore(file: string, passphrase: string | undefined): Promise<boolean>;
}

export const useStoreSecurity = create<StoreSecurityState>((set, get) => {
  /** Runs one action; true when it was done. The security is read again either way (who holds the store may have changed). */
  const act = async (action: StoreAction, work: () => Promise<string>): Promise<boolean> => {
    set({ busy: action, failure: undefined, done: undefined });
    try {
      const text = await work();
      set({ busy: undefined, done: { action, text } });
      return true;
    } catch (error) {
      set({ busy: undefined, failure: { action, error: asError(error), detail: (error as { detail?: unknown }).detail } });
      return false;
    } finally {
      await get().load();
    }
  };
  return {
    open: false,
    security: undefined,
    busy: undefined,
    failure: undefined,
    done: undefined,
    show() {
      set({ open: true, failure: undefined, done: undefined });
      void get().load();
    },
    close: () => set({ open: false, failure: undefined, done: undefined }),
    async load() {
      try {
        set({ security: await call('store.security', {}) });
      } catch {
        // The store was locked meanwhile: the window shows the unlock screen, and this dialog goes with the workspace.
      }
    },
    changePassphrase: (current, next) =>
      act('changePassphrase', async () => {
        await call('store.changePassphrase', { current, next });
        return 'The store now opens with the new passphrase, and no longer with the old one.';
      }),
    useKeychain: (current) =>
      act('useKeychain', async () => {
        await call('store.useKeychain', { current });
        return 'The store now opens with a key the OS keychain keeps; the passphrase no longer opens it.';
      }),
    usePassphrase: (passphrase) =>
      act('usePassphrase', async () => {
        await call('store.usePassphrase', { passphrase });
        return 'The store now opens with the passphrase you chose; the keychain’s key no longer opens it.';
      }),
    backup: (file, replace) =>
      act('backup', async () => {
        const made = await call('store.backup', { file, replace });
        return `Backed up the store to ${made.file}. Keep ${made.keysFile} beside it: no key opens the backup without it.`;
      }),
    restore: (file, passphrase) =>
      act('restore', async () => {
        const restored = await call('store.restore', { file, ...(passphrase ? { passphrase } : {}), replaceStore: true });
        await useConnections.getState().load();
        return `Restored the store from ${restored.file}.${restored.keptAside ? ` The store it replaced is kept in ${restored.keptAside}.` : ''}`;
      }),
  };
});
