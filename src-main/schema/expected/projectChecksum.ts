// A checksum of everything in a project's folder: a replay is reused only while not one byte of the
// project changed (a revision, alembic.ini, env.py, a flyway.conf, a file the migrations read).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { openProjectFolder } from '../../formats/formatRegistry';

/** Folders no migration reads that can be large or change on their own: caches, virtualenvs, other tools'. */
const skipped = new Set(['node_modules', '__pycache__', 'venv']);

function filesUnder(dir: string, into: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || skipped.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(path, into);
    else if (entry.isFile()) into.push(path);
  }
  return into;
}

/** A folder that is not there is E_PROJECT_NOT_FOUND, as reading the project would say. */
export function projectChecksum(projectDir: string): string {
  const { dir } = openProjectFolder(projectDir);
  const hash = createHash('sha256');
  for (const path of filesUnder(dir, []).sort()) {
    // The name goes in too: a renamed revision file is another project.
    hash.update(relative(dir, path)).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex');
}
