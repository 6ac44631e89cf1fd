// Bundles the Electron main process and the preload into dist/main as CommonJS.
// Everything is bundled but electron itself and the native SQLite module's loader.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['src-main/electron/main.ts'],
    outfile: 'dist/main/main.cjs',
    // bindings: only used when no nativeBinding path is given; pg-native: optional, never used.
    external: ['electron', 'bindings', 'pg-native'],
  }),
  build({
    ...common,
    entryPoints: ['src-main/electron/preload.ts'],
    outfile: 'dist/main/preload.cjs',
    // A sandboxed preload can require nothing but electron: everything else is inlined.
    external: ['electron'],
  }),
]);
console.log('built dist/main/main.cjs and dist/main/preload.cjs');
