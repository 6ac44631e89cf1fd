// The renderer's stores under test reach the real services (a fresh data folder, an unlocked store)
// through the same bridge the Electron preload exposes, so every call crosses the real dispatcher.
import type { ApiEventMessage, SwitchyardBridge } from '../../../../src-shared/api';
import { createServices, type Services } from '../../../../src-main/services';
import { passphraseKeyProvider } from '../../../../src-main/store/keyProvider';
import { onTestFinished } from 'vitest';
import { tempDir } from '../../../support/tempDir';

// Kept on the global object, not in this module: a worker's files share modules (isolate: false in
// vitest.config.ts), and the client module keeps the bridge of the file that first loaded it, while a
// later file (after vi.resetModules) may load this module anew. Every copy reaches the same services.
interface BridgeState {
  listeners: Set<(message: ApiEventMessage) => void>;
  current: Services | undefined;
}
const shared = globalThis as typeof globalThis & { switchyardTestBridge?: BridgeState };
const state: BridgeState = (shared.switchyardTestBridge ??= { listeners: new Set(), current: undefined });
const listeners = state.listeners;

/** Installed once as window.switchyard; calls and events go to whichever services the test opened. */
export const servicesBridge: SwitchyardBridge = {
  invoke(method, input) {
    if (!state.current) throw new Error('The test opened no services: call openServices() first.');
    return state.current.dispatch(method, input, { actor: 'tester via renderer test' });
  },
  on(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Fresh services in a temp folder with the store unlocked; closed when the test ends. */
export async function openServices(): Promise<Services> {
  const services = createServices({ dataDir: tempDir(), onUnexpectedError: () => undefined });
  await services.session.unlock(passphraseKeyProvider('renderer test', { N: 1024, r: 8, p: 1 }));
  const stop = services.events.onEvent((message) => {
    for (const listener of listeners) listener(message);
  });
  state.current = services;
  onTestFinished(() => {
    stop();
    state.current = undefined;
    services.close();
  });
  return services;
}
