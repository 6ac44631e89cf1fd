// A dbmate folder: `<version>_name.sql` files with `-- migrate:up` / `-- migrate:down` blocks, run in
// file-name order (amacneil/dbmate pkg/dbmate/db.go, FindMigrations: files matching `^(\d+).*\.sql$`,
// sorted by name, the leading digits recorded as the version).
import { unreadableFile, type ProjectFiles } from '../../migrations/readers/projectFiles';
import {
  describedBy,
  duplicateVersion,
  linkChain,
  notAMigrationName,
  readProjectText,
  sqlFileNames,
  type VersionedMigration,
} from '../../migrations/readers/versionChain';
import { parseDbmateSql } from './dbmateSql';

export const dbmateFileName = /^(\d+)(.*)\.sql$/;

export function readDbmateProject(project: string, names: readonly string[]): ProjectFiles {
  const result: ProjectFiles = { format: 'dbmate', project, files: [], unreadable: [] };
  const migrations: VersionedMigration[] = [];
  const fileOf = new Map<string, string>();
  for (const name of sqlFileNames(names)) {
    const match = dbmateFileName.exec(name);
    if (!match) {
      result.unreadable.push(notAMigrationName(name, 'dbmate runs only files whose name starts with their version (<version>_name.sql)'));
      continue;
    }
    const version = match[1] as string;
    const kept = fileOf.get(version);
    if (kept) {
      result.unreadable.push(
        duplicateVersion(version, kept, name, {
          // dbmate 2.24 runs both files and fails at the second: its version is in schema_migrations already.
          toolDoes: 'dbmate runs both, and fails at the second (UNIQUE constraint failed: schema_migrations.version)',
          refuses: false,
        }),
      );
      continue;
    }
    const text = readProjectText(project, name, result);
    if (text === null) continue;
    const parsed = parseDbmateSql(text);
    if ('problem' in parsed) {
      result.unreadable.push(unreadableFile(name, parsed.line, `${parsed.problem}: dbmate stops at this file, and Switchyard does not run it`));
      continue;
    }
    fileOf.set(version, name);
    migrations.push({ version, file: name, message: describedBy(match[2] as string), text, up: parsed.up, down: parsed.down });
  }
  linkChain(migrations, result);
  return result;
}
