// The bundled demo migration project (assets/demo) and the part of it a new demo database starts
// with: three branches half-way, so a first launch shows applied and pending work side by side.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunRequest } from '../../src-shared/model/run';

/** Upgraded to one after the other on creation: the RBAC, LLM and lineage branches stop part-way. */
export const demoStartingPoint: readonly RunRequest[] = [
  { action: 'upgrade', target: '006_add_rbac_tables' },
  { action: 'upgrade', target: '009_ai_annotation' },
  { action: 'upgrade', target: 'version_lineage_001' },
];

function codeFolder(): string | undefined {
  // The Electron main is an esbuild CommonJS bundle (dist/main) with __dirname; the CLI and the
  // browser host run this file as ESM through tsx, where import.meta.url says where it is.
  if (typeof __dirname === 'string') return __dirname;
  return import.meta.url ? dirname(fileURLToPath(import.meta.url)) : undefined;
}

/** Packaged: electron-builder copies assets/demo to resources/demo. From source: the repository's assets/demo. */
export function bundledDemoProject(): string | undefined {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = resources ? [join(resources, 'demo')] : [];
  for (let folder = codeFolder(); folder !== undefined; ) {
    candidates.push(join(folder, 'assets', 'demo'));
    const up = dirname(folder);
    folder = up === folder ? undefined : up;
  }
  return candidates.find((dir) => existsSync(join(dir, '001_d01fd5049733.sql')));
}
