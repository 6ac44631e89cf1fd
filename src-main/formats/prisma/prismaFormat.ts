// Prisma Migrate: `migrations/<timestamp>_name/migration.sql` and migration_lock.toml; no down migrations.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlFormat } from '../format';
import { prismaBookkeeping } from './prismaBookkeeping';
import { prismaLockFile, readPrismaProject } from './prismaReader';

/** The first sub-folder of `dir` holding a migration.sql, or undefined. */
function migrationFolder(dir: string, names: readonly string[]): string | undefined {
  return names.find((n) => !n.includes('.') && existsSync(join(dir, n, 'migration.sql')));
}

export const prismaFormat: SqlFormat = {
  name: 'prisma',
  runner: 'sql',
  detect(dir, names) {
    if (names.includes(prismaLockFile)) return `${prismaLockFile} in the folder: a Prisma migrations folder`;
    const own = migrationFolder(dir, names);
    return own === undefined ? null : `migration folders with migration.sql (e.g. ${own}/migration.sql): Prisma's layout`;
  },
  read: (dir, names, { engine }) => readPrismaProject(dir, names, engine),
  bookkeeping: prismaBookkeeping,
  // Prisma decides by itself: a migration.sql of one statement runs outside a transaction, any other inside one.
  outsideTransaction: null,
};
