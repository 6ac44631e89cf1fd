// SQLite's own objects are named sqlite_…; a user's table may start with "sqlite" too and is the user's.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTarget } from '../../../../src-main/runner/runnerService';
import { targetStatus } from '../../../../src-main/runner/targetStatus';
import { openSqlite } from '../../../../src-main/sqliteModule';
import { sqliteTarget } from '../../../support/migrationTargets';
import { writeNativeProject } from '../../../support/nativeProject';
import { tempDir } from '../../../support/tempDir';

describe('SQLite user objects', () => {
  it('refuses before running anything when a migration creates a table named sqlite3_exports that exists', async () => {
    const dir = tempDir();
    writeNativeProject(join(dir, 'migrations'), [
      {
        id: 'e1',
        parents: [],
        message: 'exports',
        up: 'CREATE TABLE notes (id INTEGER);\nCREATE TABLE sqlite3_exports (id INTEGER PRIMARY KEY, path TEXT);',
        down: 'DROP TABLE sqlite3_exports;\nDROP TABLE notes;',
      },
    ]);
    const target = sqliteTarget(join(dir, 'app.sqlite'), join(dir, 'migrations'));
    const db = openSqlite(target.connection.sqlitePath);
    db.exec("CREATE TABLE sqlite3_exports (id INTEGER PRIMARY KEY, path TEXT); INSERT INTO sqlite3_exports (path) VALUES ('/tmp/a.csv')");
    db.close();

    await expect(runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'tester' })).rejects.toMatchObject({
      code: 'E_PREFLIGHT',
      message: expect.stringContaining('creates table sqlite3_exports, which already exists in the database'),
    });
    // Nothing of the migration ran: no notes table, the user's row untouched.
    const after = openSqlite(target.connection.sqlitePath, { readonly: true });
    try {
      expect(after.prepare("SELECT name FROM sqlite_schema WHERE name = 'notes'").all()).toEqual([]);
      expect(after.prepare('SELECT path FROM sqlite3_exports').all()).toEqual([{ path: '/tmp/a.csv' }]);
    } finally {
      after.close();
    }
    expect((await targetStatus(target)).applied).toEqual([]);
  });
});
