// Where this code runs from, for files shipped beside it (the demo project, the squawk binary).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function codeFolder(): string | undefined {
  // The Electron main is an esbuild CommonJS bundle (dist/main) with __dirname; the CLI and the
  // browser host run the sources as ESM through tsx, where import.meta.url says where they are.
  if (typeof __dirname === 'string') return __dirname;
  return import.meta.url ? dirname(fileURLToPath(import.meta.url)) : undefined;
}

/** The first `relative` path that exists in this code's folder or a folder above it. */
export function findAboveCode(relative: string): string | undefined {
  for (let folder = codeFolder(); folder !== undefined;) {
    const candidate = join(folder, relative);
    if (existsSync(candidate)) return candidate;
    const up = dirname(folder);
    folder = up === folder ? undefined : up;
  }
  return undefined;
}
