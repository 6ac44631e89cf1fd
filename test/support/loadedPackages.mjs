// Preloaded into a CLI process with --import: when it exits, writes the packages it loaded to
// $SWITCHYARD_TEST_PACKAGES_FILE. The heavy ones (pg, better-sqlite3, libpg-query) are CommonJS, so
// they are in require's cache even when imported from ESM.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const cache = createRequire(import.meta.url).cache;
process.on('exit', () => {
  const packages = new Set(Object.keys(cache).flatMap((path) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(path)?.[1] ?? []));
  writeFileSync(process.env.SWITCHYARD_TEST_PACKAGES_FILE ?? '', JSON.stringify([...packages]));
});
