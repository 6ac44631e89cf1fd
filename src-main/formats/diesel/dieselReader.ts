// Reads a diesel migrations folder as diesel_migrations does (github.com/diesel-rs/diesel,
// diesel_migrations/src/file_based_migrations.rs and migrations_internals/src/lib.rs): one folder per
// migration holding up.sql (and down.sql, metadata.toml), ordered by the version diesel derives from
// the folder's name. The project may be the crate (diesel.toml, migrations/) or the migrations folder.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Anomaly } from '../../../src-shared/model/revision';
import { listFolder } from '../../migrations/readers/folderListings';
import { normaliseText, unreadableFile, type ProjectFiles, type SqlBody } from '../../migrations/readers/projectFiles';

/** diesel's version_from_string: the folder name up to its first `_`, without `-` (`2024-01-02-030405_x` → `20240102030405`). */
export function dieselVersion(folder: string): string {
  return (folder.split('_')[0] ?? '').replace(/-/g, '');
}

/** A folder name with a version before its first `_`: what diesel's own generator writes. */
export const dieselFolderName = /^\d[\d-]*_[^.]/;

/** `[migrations_directory] dir = "…"` in diesel.toml, relative to the crate; null when it names none. */
export function migrationsDirFromToml(toml: string): string | null {
  const section = /^\s*\[migrations_directory\]\s*$([\s\S]*?)(?=^\s*\[|(?![\s\S]))/m.exec(toml);
  const dir = section ? /^\s*dir\s*=\s*"([^"]*)"/m.exec(section[1] ?? '') : null;
  return dir?.[1] ?? null;
}

/** The folder holding the migrations: diesel.toml's, else `migrations/` beside it, else the project folder itself. */
export function dieselMigrationsDir(project: string, names: readonly string[]): string {
  if (names.includes('diesel.toml')) {
    const configured = migrationsDirFromToml(readFileSync(join(project, 'diesel.toml'), 'utf8'));
    // Relative to the crate, or absolute, as diesel joins it.
    if (configured !== null) return resolve(project, configured);
  }
  const nested = join(project, 'migrations');
  return names.includes('migrations') && statSync(nested).isDirectory() ? nested : project;
}

/**
 * metadata.toml's run_in_transaction: diesel reads it with serde's `#[serde(default)] bool`, so a
 * metadata.toml without the key means false, and no file (or one it cannot parse) means true.
 */
export function runsInTransaction(metadata: string | null): boolean {
  if (metadata === null) return true;
  const setting = /^\s*run_in_transaction\s*=\s*(true|false)\s*(?:#.*)?$/m.exec(metadata);
  return setting ? setting[1] === 'true' : false;
}

function unused(path: string, why: string): Anomaly {
  return { kind: 'unusedFile', message: `${path}: ${why}`, file: path, line: null, revisions: [] };
}

interface Migration {
  folder: string;
  version: string;
  /** Relative to the project, with forward slashes, ending in `/`. */
  path: string;
}

const absolute = (project: string, path: string) => `${project}${sep}${path.split('/').join(sep)}`;

/** The text of `path` when `files` (its folder's listing) holds `name`, else null. */
function readListed(project: string, files: ReadonlySet<string>, path: string, name: string): string | null {
  return files.has(name) ? normaliseText(readFileSync(absolute(project, `${path}${name}`), 'utf8')) : null;
}

/** A folder without up.sql: diesel skips it when empty, and refuses the whole migrations folder otherwise. */
function withoutUpSql(path: string, listed: ReadonlySet<string>): Anomaly | null {
  const files = [...listed].filter((f) => !f.startsWith('.'));
  if (files.length === 0) return null;
  const why = `no up.sql in ${path}: diesel refuses the whole migrations folder for it (UnknownMigrationFormat)`;
  return files.includes('down.sql') ? unused(`${path}down.sql`, `a down.sql without its up.sql; ${why}`) : unused(path, why);
}

export function readDieselProject(project: string, names: readonly string[]): ProjectFiles {
  const result: ProjectFiles = { format: 'diesel', project, files: [], unreadable: [] };
  const dir = dieselMigrationsDir(project, names);
  const prefix = relative(project, dir).split(sep).join('/');
  const migrations: Migration[] = [];
  for (const entry of existsSync(dir) ? listFolder(dir) : []) {
    const path = `${prefix ? `${prefix}/` : ''}${entry.name}`;
    // diesel passes over files and hidden entries.
    if (!entry.isDirectory() || entry.name.startsWith('.')) {
      if (entry.isFile() && entry.name.toLowerCase().endsWith('.sql')) {
        result.unreadable.push(
          unused(path, 'a .sql file beside the migration folders: diesel runs only `<version>_name/up.sql` folders, so it never runs this; not run'),
        );
      }
      continue;
    }
    migrations.push({ folder: entry.name, version: dieselVersion(entry.name), path: `${path}/` });
  }
  // diesel sorts pending migrations by version, compared as strings.
  migrations.sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : a.folder < b.folder ? -1 : 1));
  let previous: string | null = null;
  for (const migration of migrations) {
    const upPath = `${migration.path}up.sql`;
    let upSql: string | null;
    let listed: ReadonlySet<string>;
    try {
      // The folder listed once (the unused-file net takes the same listing): no look-up per file.
      listed = new Set(listFolder(absolute(project, migration.path.slice(0, -1))).map((entry) => entry.name));
      upSql = readListed(project, listed, migration.path, 'up.sql');
      if (upSql === null) {
        const anomaly = withoutUpSql(migration.path, listed);
        if (anomaly) result.unreadable.push(anomaly);
        continue;
      }
    } catch (error) {
      result.unreadable.push(unreadableFile(upPath, 1, `cannot read: ${(error as Error).message}`));
      continue;
    }
    if (migration.version === '') {
      result.unreadable.push(unused(upPath, `the folder name ${migration.folder} starts with \`_\`, so diesel gives it an empty version; not run`));
      continue;
    }
    if (migration.version === previous) {
      result.unreadable.push({
        kind: 'duplicateRevision',
        message: `${upPath}: version ${migration.version} again (diesel takes the version from the folder name up to its first \`_\`); only the first folder of that version is run`,
        file: upPath,
        line: 1,
        revisions: [migration.version],
      });
      continue;
    }
    const downPath = `${migration.path}down.sql`;
    try {
      const transaction = runsInTransaction(readListed(project, listed, migration.path, 'metadata.toml'));
      const up: SqlBody = { sql: upSql, line: 1, transaction };
      const down = readListed(project, listed, migration.path, 'down.sql');
      result.files.push({
        revision: {
          id: migration.version,
          parents: previous === null ? [] : [previous],
          dependsOn: [],
          branchLabels: [],
          message: migration.folder
            .slice(migration.folder.indexOf('_') + 1)
            .replace(/_+/g, ' ')
            .trim(),
          createdAt: null,
          file: upPath,
          line: 1,
        },
        text: up.sql,
        up,
        down: down === null ? null : { sql: down, line: 1, transaction, file: downPath },
        ...(down === null
          ? { noDowngrade: `${migration.path} has no down.sql, so diesel cannot revert it either. Stamp it down instead if the change was undone by hand.` }
          : { otherFiles: [downPath] }),
        formatData: { folder: migration.folder },
      });
      previous = migration.version;
    } catch (error) {
      result.unreadable.push(unreadableFile(downPath, 1, `cannot read: ${(error as Error).message}`));
    }
  }
  return result;
}
