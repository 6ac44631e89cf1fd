/// <reference types="vite/client" />
// Runs before each renderer test file, before the client module reads window.switchyard.
import { servicesBridge } from './servicesBridge';

window.switchyard = servicesBridge;

// The project runs without per-file isolation (vitest.config.ts): a worker's files share the renderer's
// modules, so each file starts with every store (each *Store.ts's zustand hook) as a fresh import makes
// it. Loaded here, after the bridge is in place, since the client module reads it when first loaded.
interface ResettableStore {
  setState(state: unknown, replace: true): void;
  getInitialState(): unknown;
}
const isStore = (value: unknown): value is ResettableStore =>
  typeof value === 'function' && 'setState' in value && 'getInitialState' in value && typeof value.getInitialState === 'function';
const storeModules = import.meta.glob<Record<string, unknown>>('../../../../src-renderer/**/*Store.ts');
for (const load of Object.values(storeModules)) {
  for (const value of Object.values(await load())) if (isStore(value)) value.setState(value.getInitialState(), true);
}
