// Prisma on SQLite redefines a table (new_X, copy, DROP X, rename) between its own
// `PRAGMA foreign_keys=OFF` and `=ON`, which take effect only outside a transaction: Prisma runs the
// script as a batch of autocommitted statements. Inside one transaction the PRAGMA is ignored and the
// DROP TABLE deleted every row referring to the table through ON DELETE CASCADE, without a word.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTarget } from '../../../src-main/runner/runnerService';
import { sqliteTarget } from '../../support/migrationTargets';
import { execSqlite, sqliteRows } from '../../support/sqliteFile';
import { tempDir } from '../../support/tempDir';

const project = resolve('test/fixtures/migrations/trial-prisma-sqlite-redefine');

describe('a Prisma migration redefining a referenced table on SQLite', () => {
  it('keeps the rows that refer to it, as prisma migrate deploy does', async () => {
    const target = sqliteTarget(join(tempDir(), 'dev.db'), project, { projectFormat: 'prisma' });
    await runTarget(target, { action: 'upgrade', to: '20240101000000_init' }, { actor: 'tester' });
    execSqlite(target.connection.sqlitePath, `INSERT INTO "User" VALUES ('u1', 'ann@example.com'); INSERT INTO "Post" VALUES ('p1', 'u1');`);

    await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'tester' });
    expect(sqliteRows(target.connection.sqlitePath, 'SELECT id, authorId FROM "Post"')).toEqual([{ id: 'p1', authorId: 'u1' }]);
    expect(sqliteRows(target.connection.sqlitePath, 'SELECT id, email, name FROM "User"')).toEqual([{ id: 'u1', email: 'ann@example.com', name: '' }]);
    expect(sqliteRows(target.connection.sqlitePath, 'PRAGMA foreign_key_check')).toEqual([]);
    expect(
      sqliteRows(target.connection.sqlitePath, 'SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY started_at'),
    ).toEqual([
      { migration_name: '20240101000000_init', finished: 1 },
      { migration_name: '20240201000000_user_name', finished: 1 },
    ]);
  });
});
