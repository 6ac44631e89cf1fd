// diesel on SQLite, its bookkeeping as diesel/src/migration/setup_migration_table.sql lays it out
// (`__diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY NOT NULL, run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTarget } from '../../../../src-main/runner/runnerService';
import { targetStatus } from '../../../../src-main/runner/targetStatus';
import { openSqlite } from '../../../../src-main/sqliteModule';
import { sqliteTarget } from '../../../support/migrationTargets';
import { tempDir } from '../../../support/tempDir';

function crate(): string {
  const dir = tempDir();
  const migration = (folder: string, up: string, down: string) => {
    mkdirSync(join(dir, 'migrations', folder), { recursive: true });
    writeFileSync(join(dir, 'migrations', folder, 'up.sql'), up);
    writeFileSync(join(dir, 'migrations', folder, 'down.sql'), down);
  };
  writeFileSync(join(dir, 'diesel.toml'), '[migrations_directory]\ndir = "migrations"\n');
  migration('2024-01-01-000000_create_users', 'CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);\n', 'DROP TABLE users;\n');
  migration('2024-01-02-000000_create_posts', 'CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id));\n', 'DROP TABLE posts;\n');
  return dir;
}

describe('diesel on SQLite', () => {
  it("applies the folders, records each version with its run_on in diesel's table, and reverts", async () => {
    const dir = crate();
    const path = join(dir, 'app.sqlite');
    const t = sqliteTarget(path, dir, { projectFormat: 'auto' });
    expect((await runTarget(t, { action: 'upgrade', to: 'heads' }, { actor: 'tester' })).steps.map((s) => s.revision)).toEqual([
      '20240101000000',
      '20240102000000',
    ]);
    const db = openSqlite(path, { readonly: true });
    try {
      expect(db.prepare('SELECT version, run_on FROM __diesel_schema_migrations ORDER BY version').all()).toEqual([
        { version: '20240101000000', run_on: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) },
        { version: '20240102000000', run_on: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) },
      ]);
      expect(db.prepare("SELECT name, type, pk FROM pragma_table_info('__diesel_schema_migrations') ORDER BY cid").all()).toEqual([
        { name: 'version', type: 'VARCHAR(50)', pk: 1 },
        { name: 'run_on', type: 'TIMESTAMP', pk: 0 },
      ]);
    } finally {
      db.close();
    }
    expect((await runTarget(t, { action: 'downgrade', to: '20240101000000' }, { actor: 'tester' })).steps.map((s) => s.revision)).toEqual(['20240102000000']);
    expect(await targetStatus(t)).toMatchObject({ format: 'diesel', applied: ['20240101000000'], pending: ['20240102000000'] });
  });
});
