// Prisma on SQLite: _prisma_migrations written with the same rows as on PostgreSQL (prisma-engines'
// SQLite flavour declares the same columns with SQLite's types).
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTarget } from '../../../../src-main/runner/runnerService';
import { targetStatus } from '../../../../src-main/runner/targetStatus';
import { openSqlite } from '../../../../src-main/sqliteModule';
import { sqliteTarget } from '../../../support/migrationTargets';
import { tempDir } from '../../../support/tempDir';

const init = '-- CreateTable\nCREATE TABLE "Author" (\n    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n    "name" TEXT NOT NULL\n);\n';

describe('Prisma on SQLite', () => {
  it('applies migration.sql and records a finished row with its sha256; status reads it back', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'migration_lock.toml'), 'provider = "sqlite"\n');
    mkdirSync(join(dir, '20240101000000_init'));
    writeFileSync(join(dir, '20240101000000_init', 'migration.sql'), init);
    const path = join(dir, 'dev.db');
    const t = sqliteTarget(path, dir, { projectFormat: 'auto' });
    await runTarget(t, { action: 'upgrade', to: 'heads' }, { actor: 'tester' });
    const db = openSqlite(path, { readonly: true });
    try {
      expect(
        db.prepare('SELECT checksum, migration_name, finished_at IS NOT NULL AS finished, rolled_back_at, applied_steps_count FROM _prisma_migrations').all(),
      ).toEqual([
        {
          checksum: createHash('sha256').update(init).digest('hex'),
          migration_name: '20240101000000_init',
          finished: 1,
          rolled_back_at: null,
          applied_steps_count: 1,
        },
      ]);
    } finally {
      db.close();
    }
    expect(await targetStatus(t)).toMatchObject({ format: 'prisma', applied: ['20240101000000_init'], changed: [] });
  });
});
