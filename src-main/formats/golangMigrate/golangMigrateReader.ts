// A golang-migrate folder: `<version>_name.up.sql` and `<version>_name.down.sql`, run in numeric version
// order (golang-migrate/migrate source/parse.go: `^([0-9]+)_(.*)\.(down|up)\.(.*)$`, the version an
// unsigned integer; source/migration.go refuses a second up or down file for one version).
import type { ProjectFiles, SqlBody } from '../../migrations/readers/projectFiles';
import { splitStatements } from '../../migrations/sqlStatements';
import {
  describedBy,
  duplicateVersion,
  linkChain,
  notAMigrationName,
  readProjectText,
  sqlFileNames,
  type VersionedMigration,
} from '../../migrations/readers/versionChain';

export const golangMigrateFileName = /^([0-9]+)_(.*)\.(down|up)\.sql$/;

interface VersionFiles {
  version: bigint;
  up?: string;
  down?: string;
}

const transactionControl = /^(BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK)\b/i;

/**
 * migrate sends a file to PostgreSQL as one query (database/postgres/postgres.go, Run). PostgreSQL runs
 * a query of several statements as one transaction, and a lone statement, or a file that opens and
 * commits its own transactions, as written: those Switchyard runs statement by statement too.
 */
function body(text: string, otherFile?: string): SqlBody {
  const statements = splitStatements(text);
  const asWritten = statements.length <= 1 || statements.some((s) => transactionControl.test(s.sql.trim()));
  return { sql: text, line: 1, transaction: !asWritten, ...(otherFile ? { file: otherFile } : {}) };
}

export function readGolangMigrateProject(project: string, names: readonly string[]): ProjectFiles {
  const result: ProjectFiles = { format: 'golang-migrate', project, files: [], unreadable: [] };
  const byVersion = new Map<string, VersionFiles>();
  for (const name of sqlFileNames(names)) {
    const match = golangMigrateFileName.exec(name);
    if (!match) {
      result.unreadable.push(notAMigrationName(name, 'golang-migrate runs only files named <version>_name.up.sql or <version>_name.down.sql'));
      continue;
    }
    const version = BigInt(match[1] as string);
    const direction = match[3] as 'up' | 'down';
    const entry = byVersion.get(version.toString()) ?? { version };
    const kept = entry[direction];
    if (kept) {
      result.unreadable.push(
        duplicateVersion(version.toString(), kept, name, {
          toolDoes: 'golang-migrate refuses to run a folder where two files give one version (duplicate migration file)',
          refuses: true,
        }),
      );
      continue;
    }
    entry[direction] = name;
    byVersion.set(version.toString(), entry);
  }
  const ordered = [...byVersion.values()].sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
  const migrations: VersionedMigration[] = [];
  for (const { version, up, down } of ordered) {
    const upText = up ? readProjectText(project, up, result) : '';
    const downText = down ? readProjectText(project, down, result) : null;
    if (upText === null || (down && downText === null)) continue;
    const file = (up ?? down) as string;
    migrations.push({
      version: version.toString(),
      file,
      message: describedBy((golangMigrateFileName.exec(file) as RegExpExecArray)[2] as string),
      text: upText,
      // migrate records a version whose up file is missing without running anything (migrate.go, read: an "empty" migration).
      up: up ? body(upText) : null,
      down: down && downText !== null ? body(downText, down === file ? undefined : down) : null,
      ...(up && down ? { otherFiles: [down] } : {}),
      // migrate down over a version without one records the version below it and runs nothing (migrate.go,
      // newMigration: an "empty" migration), leaving the schema as it was: refused instead, with the file it lacks.
      ...(down
        ? {}
        : {
            noDowngrade: `Version ${version} has no down file (${file.replace(/\.up\.sql$/, '.down.sql')}): migrate down would only move the recorded version back and leave the schema as it is. Write that file, or stamp it down if the change was undone by hand.`,
          }),
    });
  }
  linkChain(migrations, result);
  return result;
}
