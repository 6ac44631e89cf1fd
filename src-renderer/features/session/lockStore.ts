// Locking the store from the window: now, or after the window has seen no keyboard or pointer for the
// chosen minutes (default 15). A lock closes the store and the SSH tunnels in the main process; every
// window then shows the unlock screen (session.changed). The choice is the window's (localStorage).
import { create } from 'zustand';
import { asError, call, type ShownError } from '../../api/client';
import { useSession } from './sessionStore';

export const idleLockChoices = [0, 5, 15, 30, 60] as const;
export type IdleLockMinutes = (typeof idleLockChoices)[number];

const storageKey = 'switchyard.idleLockMinutes';
const defaultMinutes: IdleLockMinutes = 15;

function keptMinutes(): IdleLockMinutes {
  const kept = Number(localStorage.getItem(storageKey) ?? defaultMinutes);
  return idleLockChoices.find((choice) => choice === kept) ?? defaultMinutes;
}

interface LockState {
  /** 0: never locks by itself. */
  idleMinutes: IdleLockMinutes;
  error: ShownError | undefined;
  lockNow(): Promise<void>;
  setIdleMinutes(minutes: IdleLockMinutes): void;
}

export const useLock = create<LockState>((set) => ({
  idleMinutes: keptMinutes(),
  error: undefined,
  async lockNow() {
    try {
      useSession.setState({ status: await call('session.lock', {}) });
      set({ error: undefined });
    } catch (error) {
      set({ error: asError(error) });
    }
  },
  setIdleMinutes(minutes) {
    localStorage.setItem(storageKey, String(minutes));
    set({ idleMinutes: minutes });
  },
}));

const activity = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

/** Locks after `minutes` without keyboard or pointer in `target`; returns the stop. */
export function watchIdle(minutes: number, lock: () => void, target: EventTarget = window): () => void {
  if (minutes <= 0) return () => undefined;
  let timer = setTimeout(lock, minutes * 60_000);
  const again = () => {
    clearTimeout(timer);
    timer = setTimeout(lock, minutes * 60_000);
  };
  for (const event of activity) target.addEventListener(event, again, { passive: true });
  return () => {
    clearTimeout(timer);
    for (const event of activity) target.removeEventListener(event, again);
  };
}
