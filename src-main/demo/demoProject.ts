// The bundled demo migration project (assets/demo) and the part of it a new demo database starts
// with: three branches half-way, so a first launch shows applied and pending work side by side.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { demoDataFileName } from '../../src-shared/model/demoData';
import type { RunRequest } from '../../src-shared/model/run';
import { findAboveCode } from '../codeLocation';

/** Upgraded to one after the other on creation: the RBAC, LLM and lineage branches stop part-way. */
export const demoStartingPoint: readonly RunRequest[] = [
  { action: 'upgrade', to: '006_add_rbac_tables' },
  { action: 'upgrade', to: '009_ai_annotation' },
  { action: 'upgrade', to: 'version_lineage_001' },
];

/** Packaged: electron-builder copies assets/<name> to resources/<name>. From source: the repository's assets/. */
function bundledAsset(name: string): string | undefined {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources && existsSync(join(resources, name))) return join(resources, name);
  return findAboveCode(join('assets', name));
}

export function bundledDemoProject(): string | undefined {
  return bundledAsset('demo');
}

/** Sample rows loaded once the starting point is applied (kept outside the project: it is no revision). */
export function bundledDemoData(): string | undefined {
  return bundledAsset(demoDataFileName);
}
