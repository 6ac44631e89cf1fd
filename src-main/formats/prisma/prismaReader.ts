// Reads a Prisma migrations folder as `prisma migrate` does: every sub-folder is a migration named
// by the folder, applied in name order, its SQL in migration.sql; migration_lock.toml beside them.
// Prisma has no down migrations. The project may be the migrations folder or the folder above it (prisma/).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Engine as EngineKind } from '../../../src-shared/model/engine';
import type { Anomaly } from '../../../src-shared/model/revision';
import { normaliseText, unreadableFile, type ProjectFiles } from '../../migrations/readers/projectFiles';
import { runsInOneTransaction } from '../simpleQuery';
import { acceptedChecksums, prismaChecksum } from './prismaChecksum';

export const prismaLockFile = 'migration_lock.toml';

/** What the bookkeeping needs of each migration, kept in its formatData. */
export interface PrismaMigrationData {
  checksum: string;
  accepted: string[];
}

export function prismaMigrationsDir(project: string, names: readonly string[]): string {
  if (names.includes(prismaLockFile)) return project;
  const nested = join(project, 'migrations');
  return names.includes('migrations') && statSync(nested).isDirectory() ? nested : project;
}

function unused(path: string, why: string): Anomaly {
  return { kind: 'unusedFile', message: `${path}: ${why}`, file: path, line: null, revisions: [] };
}

/**
 * Whether Prisma's run of a script is one transaction, for each engine. PostgreSQL: the file is sent as one
 * simple query (prisma-engines, the PostgreSQL connection's apply_migration_script), so a lone CREATE INDEX
 * CONCURRENTLY works. SQLite: the file runs as a batch of autocommitted statements (the SQLite flavour's
 * raw_cmd), which is what lets the `PRAGMA foreign_keys=OFF` of its redefined tables take effect: inside a
 * transaction SQLite ignores it, and the DROP TABLE of the old table deletes the rows referring to it.
 */
const runsInTransaction: Readonly<Record<EngineKind, (sql: string) => boolean>> = { postgres: runsInOneTransaction, sqlite: () => false };

export function readPrismaProject(project: string, names: readonly string[], engine: EngineKind): ProjectFiles {
  const result: ProjectFiles = { format: 'prisma', project, files: [], unreadable: [] };
  const dir = prismaMigrationsDir(project, names);
  const prefix = relative(project, dir).split(sep).join('/');
  // As Prisma's CLI lists them (prisma/prisma, packages/migrate/src/utils/listMigrations.ts): every
  // sub-folder, hidden ones too, sorted with localeCompare, not by bytes.
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  let previous: string | null = null;
  for (const folder of folders) {
    const path = `${prefix ? `${prefix}/` : ''}${folder}/`;
    const file = `${path}migration.sql`;
    if (existsSync(join(dir, folder, 'down.sql'))) {
      result.unreadable.push(
        unused(`${path}down.sql`, 'Prisma never runs a down.sql (it has no down migrations; `prisma db execute` runs one by hand), so neither does Switchyard'),
      );
    }
    if (!existsSync(join(dir, folder, 'migration.sql'))) {
      result.unreadable.push(unused(path, 'no migration.sql in this migration folder: prisma migrate refuses the folder (P3015); not run'));
      continue;
    }
    let script: string;
    try {
      script = readFileSync(join(dir, folder, 'migration.sql'), 'utf8');
    } catch (error) {
      result.unreadable.push(unreadableFile(file, 1, `cannot read: ${(error as Error).message}`));
      continue;
    }
    const sql = normaliseText(script);
    const transaction = runsInTransaction[engine](sql);
    const data: PrismaMigrationData = { checksum: prismaChecksum(script), accepted: acceptedChecksums(script) };
    result.files.push({
      revision: {
        id: folder,
        parents: previous === null ? [] : [previous],
        dependsOn: [],
        branchLabels: [],
        message: folder
          .slice(folder.indexOf('_') + 1)
          .replace(/_+/g, ' ')
          .trim(),
        createdAt: null,
        file,
        line: 1,
      },
      text: sql,
      up: { sql, line: 1, transaction },
      down: null,
      noDowngrade: `Prisma has no down migrations, so ${folder} cannot be reverted by a run. Undo it by hand, then stamp it down (what \`prisma migrate resolve --rolled-back\` records).`,
      formatData: { ...data },
    });
    previous = folder;
  }
  return result;
}
