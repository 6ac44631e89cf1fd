// Reads a native SQL project: one `.sql` file per revision with `-- revision:` headers, or a
// header-less folder read as a linear chain in file-name order.
import { readdirSync, readFileSync } from 'node:fs';
import { sep } from 'node:path';
import { compareMigrationFileNames, parseMigrationFileName, type MigrationFileName } from './migrationFileNames';
import { parseNativeSql, type NativeSql } from './nativeSql';
import { normaliseText, unreadableFile, type ProjectFiles, type RevisionFile } from './projectFiles';

interface SqlFile {
  /** Also the path relative to the project: the files are in the project folder itself. */
  name: string;
  text: string;
  parsed: NativeSql;
}

function headered(sqlFiles: SqlFile[], result: ProjectFiles): void {
  for (const f of sqlFiles) {
    const { header, up, down } = f.parsed;
    if (header.revision === null) {
      result.unreadable.push(unreadableFile(f.name, 1, 'no `-- revision:` header, while other files in this folder have one'));
      continue;
    }
    result.files.push({
      revision: {
        id: header.revision,
        parents: header.parents,
        dependsOn: header.dependsOn,
        branchLabels: header.branchLabels,
        message: header.message,
        createdAt: null,
        file: f.name,
        line: header.line,
      },
      text: f.text,
      up,
      down,
    });
  }
}

function chain(sqlFiles: SqlFile[], result: ProjectFiles): void {
  const byVersion = new Map<string, { name: MigrationFileName; up: SqlFile | null; down: SqlFile | null }>();
  for (const f of sqlFiles) {
    const name = parseMigrationFileName(f.name);
    if (!name) {
      result.unreadable.push(unreadableFile(f.name, 1, 'not a migration name Switchyard can order (dbmate, Flyway V/U, golang-migrate); skipped'));
      continue;
    }
    const entry = byVersion.get(name.version) ?? { name, up: null, down: null };
    if (name.part === 'down') entry.down = f;
    else {
      entry.up = f;
      entry.name = name;
    }
    byVersion.set(name.version, entry);
  }
  const ordered = [...byVersion.values()].sort((a, b) => compareMigrationFileNames(a.name, b.name));
  let previous: string | null = null;
  for (const { name, up, down } of ordered) {
    if (!up) {
      result.unreadable.push(unreadableFile(down?.name ?? name.version, 1, `an undo/down file without its upgrade (version ${name.version}); skipped`));
      continue;
    }
    const file: RevisionFile = {
      revision: {
        id: name.version,
        parents: previous === null ? [] : [previous],
        dependsOn: [],
        branchLabels: [],
        message: up.parsed.header.message || name.description,
        createdAt: null,
        file: up.name,
        line: 1,
      },
      text: up.text,
      up: up.parsed.up,
      // A separate down file (golang-migrate, Flyway undo) holds the whole downgrade.
      down: down ? down.parsed.up : up.parsed.down,
      ...(down ? { otherFiles: [down.name] } : {}),
    };
    result.files.push(file);
    previous = name.version;
  }
}

/** `names`: the folder's listing, when the caller has read it already (to detect the format). */
export function readNativeProject(project: string, names: readonly string[] = readdirSync(project)): ProjectFiles {
  const result: ProjectFiles = { format: 'native', project, files: [], unreadable: [] };
  const sqlFiles: SqlFile[] = [];
  for (const name of names.filter((n) => n.toLowerCase().endsWith('.sql')).sort()) {
    try {
      // Built by hand: path.join per file costs more than the parse.
      const text = normaliseText(readFileSync(`${project}${sep}${name}`, 'utf8'));
      sqlFiles.push({ name, text, parsed: parseNativeSql(text) });
    } catch (error) {
      result.unreadable.push(unreadableFile(name, 1, `cannot read: ${(error as Error).message}`));
    }
  }
  if (sqlFiles.some((f) => f.parsed.header.revision !== null)) headered(sqlFiles, result);
  else chain(sqlFiles, result);
  return result;
}
