// Alembic project folders written by a test, and read the way the Alembic format reads them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { alembicVersionDirsFor } from '../../src-main/migrations/readers/alembicIni';
import { readAlembicProject } from '../../src-main/migrations/readers/alembicReader';

/** Writes `files` (path relative to `root` → text), making their folders. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

export function readAlembicFolder(dir: string) {
  const layout = alembicVersionDirsFor(dir);
  return readAlembicProject(dir, layout.dirs, layout.recursive);
}
