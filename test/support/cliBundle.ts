// The CLI bundled from the sources as they are now, the way `npm install` bundles it into dist/cli.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

/** Bundles the CLI into `dir` (inside node_modules, so its packages resolve as dist/cli's do) and returns the entry that runs it as bin/switchyard.mjs runs dist/cli's. */
export async function bundleCli(dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  await promisify(execFile)(process.execPath, [resolve('scripts/build-cli.mjs'), dir]);
  const entry = join(dir, 'switchyard.mjs');
  writeFileSync(entry, "import { main } from './main.mjs';\nprocess.exitCode = await main(process.argv.slice(2));\n");
  return entry;
}
