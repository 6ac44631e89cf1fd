import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../../src-main/sqliteModule';
import { runTarget } from '../../../src-main/runner/runnerService';
import { targetStatus } from '../../../src-main/runner/targetStatus';
import { sqliteTarget } from '../../support/migrationTargets';
import { writeNativeProject, type RevisionSpec } from '../../support/nativeProject';
import { tempDir } from '../../support/tempDir';

const revisions: RevisionSpec[] = [
  {
    id: 's1',
    parents: [],
    message: 'users',
    up: 'CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\nCREATE TRIGGER users_touch AFTER INSERT ON users BEGIN UPDATE users SET name = upper(NEW.name) WHERE id = NEW.id; END;',
    down: 'DROP TABLE users;',
  },
  { id: 's2', parents: ['s1'], message: 'posts', up: "CREATE TABLE posts (id INTEGER PRIMARY KEY, body TEXT DEFAULT 'a;b');", down: 'DROP TABLE posts;' },
  { id: 's3', parents: ['s2'], message: 'broken', up: 'CREATE TABLE tags (id INTEGER);\n\nINSERT INTO nowhere VALUES (1);', down: 'DROP TABLE tags;' },
];

const target = (dir: string) => sqliteTarget(join(dir, 'app.sqlite'), join(dir, 'migrations'), { name: 'local file' });

function tables(path: string): string[] {
  const db = openSqlite(path, { readonly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

describe('native runner on SQLite', () => {
  it('creates the file, upgrades, stops at a failing revision with its line, and downgrades', async () => {
    const dir = tempDir();
    writeNativeProject(join(dir, 'migrations'), revisions);
    const t = target(dir);
    const error = await runTarget(t, { action: 'upgrade', to: 'heads' }, { actor: 'tester' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'E_MIGRATION_FAILED',
      detail: { revision: 's3', file: '003_s3.sql', line: 7 },
      message: expect.stringContaining('no such table: nowhere'),
    });
    expect(tables(t.connection.sqlitePath)).toEqual(['posts', 'switchyard_migrations', 'users']);
    expect((await targetStatus(t)).applied).toEqual(['s1', 's2']);

    const down = await runTarget(t, { action: 'downgrade', to: 'base' }, { actor: 'tester' });
    expect(down.steps.map((s) => s.revision)).toEqual(['s2', 's1']);
    expect(tables(t.connection.sqlitePath)).toEqual(['switchyard_migrations']);
  });

  it('refuses a second run while one holds the database', async () => {
    const dir = tempDir();
    writeNativeProject(join(dir, 'migrations'), revisions.slice(0, 2));
    const t = target(dir);
    await runTarget(t, { action: 'upgrade', to: 's1' }, { actor: 'tester' });
    const lock = openSqlite(`${t.connection.sqlitePath}.switchyard-lock`);
    lock.exec('BEGIN IMMEDIATE');
    try {
      await expect(runTarget(t, { action: 'upgrade', to: 'heads' }, { actor: 'tester', lockTimeoutMs: 200 })).rejects.toMatchObject({
        code: 'E_LOCK_HELD',
      });
    } finally {
      lock.exec('ROLLBACK');
      lock.close();
    }
    expect((await runTarget(t, { action: 'upgrade', to: 'heads' }, { actor: 'tester' })).steps.map((s) => s.revision)).toEqual(['s2']);
  });
});
