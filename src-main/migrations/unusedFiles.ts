// The safety net under every SQL format's reader: each .sql file under the project is part of a
// revision or already named in an anomaly; any other is reported, so nothing is dropped in silence.
import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import type { Anomaly } from '../../src-shared/model/revision';
import { listFolder } from './readers/folderListings';
import type { ProjectFiles } from './readers/projectFiles';

// Folders that are never part of a migration project's history.
const skipped = new Set(['node_modules', '.git', '.hg', '.svn', 'target', 'vendor', '__pycache__']);
// A bound on the walk: a project pointed at a home folder must not read the disk.
const maxEntries = 50_000;

/** A squash's archive (authoring/squashService.ts): the files it replaced, beside the proof that names them; never run again. */
function squashArchive(root: string, path: string): boolean {
  const id = /^archive\/([^/]+)$/.exec(path)?.[1];
  return id !== undefined && existsSync(`${root}${sep}archive${sep}squash-${id}.md`);
}

function sqlFilesUnder(root: string): string[] {
  const found: string[] = [];
  const pending: string[] = [''];
  let seen = 0;
  while (pending.length > 0 && seen < maxEntries) {
    const rel = pending.pop() as string;
    let entries;
    try {
      entries = listFolder(rel ? `${root}${sep}${rel.split('/').join(sep)}` : root);
    } catch {
      continue;
    }
    for (const entry of entries) {
      seen += 1;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!skipped.has(entry.name) && !entry.name.startsWith('.') && !squashArchive(root, path)) pending.push(path);
      } else if (entry.name.toLowerCase().endsWith('.sql')) found.push(path);
    }
  }
  return found;
}

export function unusedSqlFiles(files: ProjectFiles): Anomaly[] {
  const used = new Set<string>();
  for (const f of files.files) {
    used.add(f.revision.file);
    for (const other of f.otherFiles ?? []) used.add(other);
  }
  for (const anomaly of files.unreadable) if (anomaly.file) used.add(anomaly.file);
  return sqlFilesUnder(files.project)
    .filter((path) => !used.has(path))
    .sort()
    .map((path) => ({
      kind: 'unusedFile',
      message: `${path}: not part of any revision of this ${files.format} project (${path.includes('/') ? 'in a sub-folder the format does not read' : 'a name the format does not use'}); not run`,
      file: path,
      line: null,
      revisions: [],
    }));
}
