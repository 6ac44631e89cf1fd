// Reads a native SQL project: one `.sql` file per revision with `-- revision:` headers, or a
// header-less folder of numbered files read as a linear chain in number order.
import { readdirSync } from 'node:fs';
import { sep } from 'node:path';
import { compareMigrationFileNames, parseMigrationFileName, type MigrationFileName } from './migrationFileNames';
import { readFileText } from './fileText';
import { parseNativeSql, type NativeSql } from './nativeSql';
import { normaliseText, unreadableFile, type ProjectFiles, type RevisionFile } from './projectFiles';
import { duplicateVersion, linkChain, type VersionedMigration } from './versionChain';

interface SqlFile {
  /** Also the path relative to the project: the files are in the project folder itself. */
  name: string;
  text: string;
  parsed: NativeSql;
}

/** The revision a file with a `-- revision:` header defines. */
function headered(name: string, text: string, parsed: NativeSql, id: string): RevisionFile {
  const { header } = parsed;
  return {
    revision: {
      id,
      parents: header.parents,
      dependsOn: header.dependsOn,
      branchLabels: header.branchLabels,
      message: header.message,
      createdAt: null,
      file: name,
      line: header.line,
    },
    text,
    up: parsed.up,
    down: parsed.down,
  };
}

function chain(sqlFiles: SqlFile[], result: ProjectFiles): void {
  const named: Array<{ name: MigrationFileName; file: SqlFile }> = [];
  for (const file of sqlFiles) {
    const name = parseMigrationFileName(file.name);
    if (name) named.push({ name, file });
  }
  named.sort((a, b) => compareMigrationFileNames(a.name, b.name));
  const migrations: VersionedMigration[] = [];
  const fileOf = new Map<string, string>();
  for (const { name, file } of named) {
    const kept = fileOf.get(name.version);
    if (kept) {
      result.unreadable.push(duplicateVersion(name.version, kept, file.name));
      continue;
    }
    fileOf.set(name.version, file.name);
    const { up, down, header } = file.parsed;
    migrations.push({ version: name.version, file: file.name, message: header.message || name.description, text: file.text, up, down });
  }
  linkChain(migrations, result);
}

/** `names`: the folder's listing, when the caller has read it already (to detect the format). */
export function readNativeProject(project: string, names: readonly string[] = readdirSync(project)): ProjectFiles {
  const result: ProjectFiles = { format: 'native', project, files: [], unreadable: [] };
  // A headered file becomes its revision as it is read, so only what the graph keeps outlives the loop
  // (10,000 files are read per graph); files without a header are kept for the chain or named after it.
  const headerless: SqlFile[] = [];
  for (const name of names.filter((n) => n.toLowerCase().endsWith('.sql')).sort()) {
    try {
      // Built by hand: path.join per file costs more than the parse.
      const text = normaliseText(readFileText(`${project}${sep}${name}`));
      const parsed = parseNativeSql(text);
      const { header } = parsed;
      if (header.revision === null) headerless.push({ name, text, parsed });
      else result.files.push(headered(name, text, parsed, header.revision));
    } catch (error) {
      result.unreadable.push(unreadableFile(name, 1, `cannot read: ${(error as Error).message}`));
    }
  }
  if (result.files.length === 0) chain(headerless, result);
  else for (const f of headerless) result.unreadable.push(unreadableFile(f.name, 1, 'no `-- revision:` header, while other files in this folder have one'));
  return result;
}
