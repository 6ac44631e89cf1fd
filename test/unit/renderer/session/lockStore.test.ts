import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openServices } from '../support/servicesBridge';

async function freshStores() {
  vi.resetModules();
  const { useLock, watchIdle } = await import('../../../../src-renderer/features/session/lockStore');
  const { useSession } = await import('../../../../src-renderer/features/session/sessionStore');
  return { useLock, watchIdle, useSession };
}

describe('locking the store from the window', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.useRealTimers());

  it('locks the store in the main process now, and the window shows it locked', async () => {
    const services = await openServices();
    const { useLock, useSession } = await freshStores();
    await useLock.getState().lockNow();
    expect(services.session.status().locked).toBe(true);
    expect(useSession.getState().status?.locked).toBe(true);
    expect(() => services.profiles.list()).toThrow(/locked/);
  });

  it('locks after 15 idle minutes by default, each keystroke or pointer move starting the wait again', async () => {
    const { useLock, watchIdle } = await freshStores();
    expect(useLock.getState().idleMinutes).toBe(15);
    vi.useFakeTimers();
    const lock = vi.fn();
    const stop = watchIdle(15, lock);
    vi.advanceTimersByTime(14 * 60_000);
    window.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(14 * 60_000);
    expect(lock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(lock).toHaveBeenCalledTimes(1);
    stop();
  });

  it('keeps the choice for the next start, and Never never locks', async () => {
    (await freshStores()).useLock.getState().setIdleMinutes(0);
    const { useLock, watchIdle } = await freshStores();
    expect(useLock.getState().idleMinutes).toBe(0);
    vi.useFakeTimers();
    const lock = vi.fn();
    watchIdle(0, lock);
    vi.advanceTimersByTime(24 * 60 * 60_000);
    expect(lock).not.toHaveBeenCalled();
  });
});
