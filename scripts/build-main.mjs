// Bundles the Electron main process and the preload into dist/main as CommonJS.
// Everything is bundled but electron itself and the native SQLite module's loader.
import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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
    // ssh2's native crypto and cpu-features are optional (loaded in a try, built for Node's ABI, not
    // Electron's): left out, ssh2 uses its pure JavaScript crypto.
    external: ['electron', 'bindings', 'pg-native', 'cpu-features', '*.node'],
    // codeLocation.ts reads import.meta only where __dirname is missing (the ESM CLI), never here.
    logOverride: { 'empty-import-meta': 'silent' },
  }),
  build({
    ...common,
    entryPoints: ['src-main/electron/preload.ts'],
    outfile: 'dist/main/preload.cjs',
    // A sandboxed preload can require nothing but electron: everything else is inlined.
    external: ['electron'],
  }),
]);
// The PostgreSQL parser's WebAssembly is looked up beside the script that loads it: beside main.cjs.
const require = createRequire(import.meta.url);
copyFileSync(join(dirname(require.resolve('libpg-query')), 'libpg-query.wasm'), 'dist/main/libpg-query.wasm');
console.log('built dist/main/main.cjs and dist/main/preload.cjs (with libpg-query.wasm)');
