#!/usr/bin/env node
// The `switchyard` command. Runs the bundled CLI (dist/cli, built by `npm install`) when it is at
// least as new as every source file; otherwise runs the TypeScript sources through tsx, so an
// edited checkout never runs stale code. The bundle is loaded while the sources are checked (their
// look-ups run on libuv's threads meanwhile), and nothing of it runs before the check says it is fresh.
import { existsSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}dist/cli/main.mjs`;

/** Whether any .ts file under `dir` was modified after `built` (ms since the epoch). */
async function changedSince(dir, built) {
  const entries = await readdir(dir, { withFileTypes: true });
  const changed = await Promise.all(
    entries.map((entry) => {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return changedSince(path, built);
      return entry.name.endsWith('.ts') ? stat(path).then((s) => s.mtimeMs > built) : false;
    }),
  );
  return changed.includes(true);
}

async function bundleIsFresh() {
  if (!existsSync(bundle)) return false;
  const built = statSync(bundle).mtimeMs;
  const changed = await Promise.all(['src-main', 'src-shared'].map((dir) => changedSince(`${root}${dir}`, built)));
  return !changed.includes(true);
}

// A bundle that is stale or half rebuilt may fail to load: the sources serve then.
const loading = existsSync(bundle) ? import(bundle).catch(() => undefined) : undefined;
let main = (await bundleIsFresh()) ? (await loading)?.main : undefined;
if (!main) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src-main/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
