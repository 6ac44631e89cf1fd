// Reads an Alembic project's revision files (`versions/*.py`) without importing them.
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Anomaly } from '../../../src-shared/model/revision';
import { parseAnyAlembicHeader, readUsualHeader, type AlembicHeader } from './alembicHeader';
import { readFileText } from './fileText';
import { importRoot, ProjectConstants } from './pythonConstants';
import { normaliseText, unreadableFile, type ProjectFiles, type RevisionFile } from './projectFiles';

// Alembic's own filter: `.py` files, not `__init__.py`, not editor lock files (`.#x.py`).
function isRevisionFileName(name: string): boolean {
  return name.endsWith('.py') && !name.startsWith('__init__') && !name.startsWith('.#');
}

// A revision file assigns `revision` at the top level; a helper module in a sub-folder does not.
const revisionAssignment = /^revision[ \t]*(?::[^=\n]*)?=/m;

export function relativePath(project: string, path: string): string {
  const rel = relative(project, path);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

interface Listing {
  files: string[];
  folders: string[];
}

/** One folder's revision files and sub-folders, sorted; `__pycache__` is never a place for revisions (Alembic skips it too). */
function list(dir: string): Listing {
  const entries: Dirent[] = readdirSync(dir, { withFileTypes: true });
  const files: string[] = [];
  const folders: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (entry.name !== '__pycache__') folders.push(entry.name);
    } else if (isRevisionFileName(entry.name)) files.push(entry.name);
  }
  return { files: files.sort(), folders: folders.sort() };
}

/**
 * Revision files in the sub-folders of a versions folder Alembic does not walk: said, one anomaly each.
 * A sub-folder that is itself a version location (`read`) is read on its own, so not named.
 */
function notWalked(project: string, dir: string, folders: readonly string[], versionsFolder: string, read: ReadonlySet<string>): Anomaly[] {
  const anomalies: Anomaly[] = [];
  const pending = folders.map((f) => `${dir}${sep}${f}`).filter((f) => !read.has(f));
  for (let folder = pending.shift(); folder !== undefined; folder = pending.shift()) {
    let listing: Listing;
    try {
      listing = list(folder);
    } catch {
      continue;
    }
    pending.push(...listing.folders.map((f) => `${folder}${sep}${f}`).filter((f) => !read.has(f)));
    for (const name of listing.files) {
      const path = `${folder}${sep}${name}`;
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        continue;
      }
      if (!revisionAssignment.test(text)) continue;
      const file = relativePath(project, path);
      anomalies.push({
        kind: 'unusedFile',
        message: `${file}: not read: it is in a sub-folder of the versions folder ${versionsFolder || '.'}, and Alembic reads sub-folders only with recursive_version_locations = true in alembic.ini`,
        file,
        line: null,
        revisions: [],
      });
    }
  }
  return anomalies;
}

function unresolvedHeader(file: string, header: AlembicHeader): Anomaly[] {
  return header.unresolved.map((u) => ({
    kind: 'unresolvedHeader',
    message: `${file}:${u.line}: ${u.field} = ${u.expression} could not be resolved without running Python (${u.reason}); revision ${header.revision} is kept with the ${u.field} Switchyard could read`,
    file,
    line: u.line,
    revisions: [header.revision],
  }));
}

/**
 * `versionDirs` are absolute; paths in the result are relative to `project`. With `recursive`
 * (alembic.ini's recursive_version_locations), their sub-folders are read too, as Alembic walks them.
 */
export function readAlembicProject(project: string, versionDirs: string[], recursive = false): ProjectFiles {
  const files: RevisionFile[] = [];
  const unreadable: ProjectFiles['unreadable'] = [];
  const pending = [...versionDirs];
  const locations = new Set(versionDirs.map((d) => resolve(d)));
  // Made on the first header that names a constant: most projects have none.
  let constants: ProjectConstants | null = null;
  const lookIn = (path: string, text: string) => (name: string) => {
    constants ??= new ProjectConstants(
      [...new Set([project, importRoot(`${project}${sep}x.py`), ...versionDirs.map((d) => importRoot(`${d}${sep}x.py`))])],
      project,
    );
    return constants.resolve(path, text, name);
  };
  for (let dir = pending.shift(); dir !== undefined; dir = pending.shift()) {
    // Paths built by hand: path.join/relative per file cost more than reading 5,000 headers.
    const folder = relativePath(project, dir);
    let listing: Listing;
    try {
      listing = list(dir);
    } catch (error) {
      unreadable.push(unreadableFile(folder, 1, `cannot list the versions folder: ${(error as Error).message}`));
      continue;
    }
    // A sub-folder that is a version location of its own is read once, as Alembic reads a file once.
    if (recursive) pending.push(...listing.folders.map((f) => `${dir}${sep}${f}`).filter((f) => !locations.has(f)));
    else unreadable.push(...notWalked(project, dir, listing.folders, folder, locations));
    for (const name of listing.files) {
      const path = `${dir}${sep}${name}`;
      const file = folder ? `${folder}/${name}` : name;
      let text: string;
      try {
        text = normaliseText(readFileText(path));
      } catch (error) {
        unreadable.push(unreadableFile(file, 1, `cannot read: ${(error as Error).message}`));
        continue;
      }
      // The usual header needs no look-up, so no closure per file for one.
      let header = readUsualHeader(text);
      if (!header) {
        const read = parseAnyAlembicHeader(text, lookIn(path, text));
        if (!read.ok) {
          unreadable.push(unreadableFile(file, read.line, read.reason));
          continue;
        }
        header = read.header;
      }
      if (header.unresolved.length) unreadable.push(...unresolvedHeader(file, header));
      files.push({
        revision: {
          id: header.revision,
          parents: header.downRevisions,
          dependsOn: header.dependsOn,
          branchLabels: header.branchLabels,
          message: header.message,
          createdAt: header.createdAt,
          file,
          line: header.line,
        },
        text,
        up: null,
        down: null,
      });
    }
  }
  return { format: 'alembic', project, files, unreadable };
}
