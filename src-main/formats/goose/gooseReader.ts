// A goose folder: `<version>_name.sql` (and `.go`) migrations, run in numeric version order (pressly/goose
// migration.go NumericComponent: the digits before the first `_`, a positive int64; a version given
// twice, or a name without a version, makes goose refuse the folder).
import { unreadableFile, type ProjectFiles } from '../../migrations/readers/projectFiles';
import { describedBy, duplicateVersion, linkChain, notAMigrationName, readProjectText, type VersionedMigration } from '../../migrations/readers/versionChain';
import { parseGooseSql } from './gooseSql';

export const gooseFileName = /^(\d+)_(.*)\.(sql|go)$/;

interface Named {
  name: string;
  version: bigint;
  description: string;
  go: boolean;
}

export function readGooseProject(project: string, names: readonly string[]): ProjectFiles {
  const result: ProjectFiles = { format: 'goose', project, files: [], unreadable: [] };
  const named: Named[] = [];
  for (const name of [...names].sort()) {
    const lower = name.toLowerCase();
    if (!lower.endsWith('.sql') && !(lower.endsWith('.go') && !lower.endsWith('_test.go'))) continue;
    const match = gooseFileName.exec(name);
    if (!match || BigInt(match[1] as string) === 0n) {
      if (lower.endsWith('.sql')) result.unreadable.push(notAMigrationName(name, 'goose runs only files named <version>_name.sql with a version above 0'));
      continue;
    }
    named.push({ name, version: BigInt(match[1] as string), description: match[2] as string, go: match[3] === 'go' });
  }
  named.sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : a.name < b.name ? -1 : 1));
  const migrations: VersionedMigration[] = [];
  const fileOf = new Map<string, string>();
  for (const { name, version: number, description, go } of named) {
    const version = number.toString();
    const kept = fileOf.get(version);
    if (kept) {
      result.unreadable.push(
        duplicateVersion(version, kept, name, {
          toolDoes: 'goose refuses to run a folder where two files give one version (duplicate version detected)',
          refuses: true,
        }),
      );
      continue;
    }
    fileOf.set(version, name);
    if (go) {
      // goose runs it, compiled into the project's own binary; Switchyard cannot, so the chain goes on without it.
      result.unreadable.push(
        unreadableFile(
          name,
          1,
          `a Go migration (version ${version}): goose runs it from the project's own binary, Switchyard runs SQL migrations only; not run`,
        ),
      );
      continue;
    }
    const text = readProjectText(project, name, result);
    if (text === null) continue;
    const parsed = parseGooseSql(text);
    if ('problem' in parsed) {
      result.unreadable.push(unreadableFile(name, parsed.line, `${parsed.problem}: goose refuses this file, and Switchyard does not run it`));
      continue;
    }
    migrations.push({ version, file: name, message: describedBy(description), text, up: parsed.up, down: parsed.down });
  }
  linkChain(migrations, result);
  return result;
}
