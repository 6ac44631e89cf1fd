#!/usr/bin/env node
// The `switchyard` command. Runs the bundled CLI (dist/cli, built by `npm install`) when it is at
// least as new as every source file; otherwise, or when the bundle cannot be loaded, runs the
// TypeScript sources through tsx, so an edited checkout never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}dist/cli/main.mjs`;

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    const mtime = entry.isDirectory() ? newestSource(path) : entry.name.endsWith('.ts') ? statSync(path).mtimeMs : 0;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

function bundleIsFresh() {
  if (!existsSync(bundle)) return false;
  const built = statSync(bundle).mtimeMs;
  return ['src-main', 'src-shared'].every((dir) => newestSource(`${root}${dir}`) <= built);
}

// Checked before the bundle loads, synchronously: loading it meanwhile and checking through
// fs/promises cost more (a promise per file) than the look-ups it hid.
let main = bundleIsFresh() ? (await import(bundle).catch(() => undefined))?.main : undefined;
if (!main) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src-main/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
