// Reads an Alembic project's revision files (`versions/*.py`) without importing them.
import { readdirSync, readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { parseAlembicHeader } from './alembicHeader';
import { normaliseText, unreadableFile, type ProjectFiles, type RevisionFile } from './projectFiles';

// Alembic's own filter: `.py` files, not `__init__.py`, not editor lock files (`.#x.py`).
function isRevisionFileName(name: string): boolean {
  return name.endsWith('.py') && !name.startsWith('__init__') && !name.startsWith('.#');
}

export function relativePath(project: string, path: string): string {
  const rel = relative(project, path);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** `versionDirs` are absolute; paths in the result are relative to `project`. */
export function readAlembicProject(project: string, versionDirs: string[]): ProjectFiles {
  const files: RevisionFile[] = [];
  const unreadable: ProjectFiles['unreadable'] = [];
  for (const dir of versionDirs) {
    let names: string[];
    try {
      names = readdirSync(dir).filter(isRevisionFileName).sort();
    } catch (error) {
      unreadable.push(unreadableFile(relativePath(project, dir), 1, `cannot list the versions folder: ${(error as Error).message}`));
      continue;
    }
    // Paths built by hand: path.join/relative per file cost more than reading 5,000 headers.
    const folder = relativePath(project, dir);
    for (const name of names) {
      const path = `${dir}${sep}${name}`;
      const file = folder ? `${folder}/${name}` : name;
      let text: string;
      try {
        text = normaliseText(readFileSync(path, 'utf8'));
      } catch (error) {
        unreadable.push(unreadableFile(file, 1, `cannot read: ${(error as Error).message}`));
        continue;
      }
      const read = parseAlembicHeader(text);
      if (!read.ok) {
        unreadable.push(unreadableFile(file, read.line, read.reason));
        continue;
      }
      const { header } = read;
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
