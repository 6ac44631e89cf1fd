// A checksum of everything in a project's folder: a replay is reused only while not one byte of the
// project changed (a revision, alembic.ini, env.py, a flyway.conf, a file the migrations read).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
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

/**
 * The last checksum of each folder, with the files' sizes and change times it was read at: while none
 * of those moved, no file is read again. The change time (ctime) moves with every write and cannot be
 * set back, so a file rewritten with its old size and modification time is still read again. As git
 * does with its index ("racily clean" files), a file changed within `coarseClockMs` of the last read
 * is read again anyway: on a file system with a coarse clock, an edit in that window keeps its times.
 */
const lastRead = new Map<string, { stamp: string; checksum: string; readAt: number }>();
const coarseClockMs = 2000;

/** A folder that is not there is E_PROJECT_NOT_FOUND, as reading the project would say. */
export function projectChecksum(projectDir: string): string {
  const { dir } = openProjectFolder(projectDir);
  const files = filesUnder(dir, []).sort();
  const readAt = Date.now();
  let newest = 0;
  const stamp = files
    .map((path) => {
      const { size, ctimeMs, mtimeMs } = statSync(path);
      newest = Math.max(newest, ctimeMs, mtimeMs);
      return `${path}\0${size}\0${ctimeMs}\0${mtimeMs}`;
    })
    .join('\n');
  const known = lastRead.get(dir);
  if (known?.stamp === stamp && newest < known.readAt - coarseClockMs) return known.checksum;
  const hash = createHash('sha256');
  for (const path of files) {
    // The name goes in too: a renamed revision file is another project.
    hash.update(relative(dir, path)).update('\0').update(readFileSync(path)).update('\0');
  }
  const checksum = hash.digest('hex');
  lastRead.set(dir, { stamp, checksum, readAt });
  return checksum;
}
