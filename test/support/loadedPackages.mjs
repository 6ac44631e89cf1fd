// Preloaded into a CLI process with --import: when it exits, writes the packages it loaded to
// $SWITCHYARD_TEST_PACKAGES_FILE. CommonJS packages (pg, better-sqlite3, libpg-query) are in
// require's cache even when imported from ESM; ES modules (zod) are only seen by the loader, so a
// resolve hook (loadedPackagesHooks.mjs, on the loader's thread) notes them in a file beside it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const file = process.env.SWITCHYARD_TEST_PACKAGES_FILE ?? '';
const esmFile = `${file}.esm`;
writeFileSync(esmFile, '');
register('./loadedPackagesHooks.mjs', import.meta.url, { data: { file: esmFile } });

const packageOf = (path) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(path)?.[1] ?? [];
const cache = createRequire(import.meta.url).cache;
process.on('exit', () => {
  const esm = existsSync(esmFile) ? readFileSync(esmFile, 'utf8').split('\n').filter(Boolean) : [];
  const packages = new Set([...Object.keys(cache).flatMap(packageOf), ...esm]);
  writeFileSync(file, JSON.stringify([...packages]));
});
