// Bundles the CLI into dist/cli (run by `npm install` through "prepare", and by `npm run build`),
// so `switchyard` starts without compiling TypeScript. bin/switchyard.mjs falls back to the sources
// whenever they are newer than this bundle. Another folder may be given (tests bundle their own).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

// From the checkout this script is in, wherever it is run from.
const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = process.argv[2] ?? `${root}dist/cli`;
await build({
  entryPoints: [`${root}src-main/cli/main.ts`],
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // Each command stays its own chunk, loaded only when it runs.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies load from node_modules as usual (native modules, WebAssembly, binaries).
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log(`built ${outdir}/main.mjs`);
