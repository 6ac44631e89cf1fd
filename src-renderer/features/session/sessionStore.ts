// Whether the store is unlocked; the unlock screen's state.
import { create } from 'zustand';
import type { SessionStatus } from '../../../src-shared/model/session';
import { asError, call, onApiEvent, type ShownError } from '../../api/client';

interface SessionState {
  status: SessionStatus | undefined;
  error: ShownError | undefined;
  unlocking: boolean;
  load(): Promise<void>;
  unlock(passphrase: string): Promise<boolean>;
  /** The desktop app's unlock when the OS keychain keeps the store's key (after a lock). */
  unlockWithKeychain(): Promise<boolean>;
}

export const useSession = create<SessionState>((set) => ({
  status: undefined,
  error: undefined,
  unlocking: false,
  async load() {
    try {
      set({ status: await call('session.status', {}), error: undefined });
    } catch (error) {
      set({ error: asError(error) });
    }
  },
  async unlock(passphrase) {
    set({ unlocking: true, error: undefined });
    try {
      set({ status: await call('session.unlock', { passphrase }), unlocking: false });
      return true;
    } catch (error) {
      set({ error: asError(error), unlocking: false });
      return false;
    }
  },
  async unlockWithKeychain() {
    set({ unlocking: true, error: undefined });
    try {
      set({ status: await call('session.unlockWithKeychain', {}), unlocking: false });
      return true;
    } catch (error) {
      set({ error: asError(error), unlocking: false });
      return false;
    }
  },
}));

onApiEvent((message) => {
  if (message.event === 'session.changed') useSession.setState({ status: message.payload });
});
