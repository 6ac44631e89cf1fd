// Foreign keys on SQLite while migrating, as the project's tool has them: ory's popx turns them off for
// its whole run, so a table rebuilt under a temporary name (DROP TABLE accounts, then the copy renamed
// over it) keeps the rows that refer to it. With enforcement on, that DROP deletes them through
// ON DELETE CASCADE, without a word. Found on ory/hydra's sqlite files.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTarget } from '../../../src-main/runner/runnerService';
import { sqliteTarget } from '../../support/migrationTargets';
import { execSqlite, sqliteRows } from '../../support/sqliteFile';
import { tempDir } from '../../support/tempDir';

const project = resolve('test/fixtures/migrations/trial-pop-sqlite-rebuild');

describe('a pop project rebuilding a referenced table on SQLite', () => {
  it('keeps the rows that refer to it, as popx runs with foreign keys off', async () => {
    const target = sqliteTarget(join(tempDir(), 'app.sqlite'), project, { projectFormat: 'pop' });
    await runTarget(target, { action: 'upgrade', to: '20240101000000000000' }, { actor: 'tester' });
    execSqlite(target.connection.sqlitePath, "INSERT INTO accounts VALUES ('a1', 'ann@example.com'); INSERT INTO sessions VALUES ('s1', 'a1'), ('s2', 'a1');");

    const run = await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'tester' });
    expect(run.steps.map((s) => s.file)).toEqual(['20240201000000000000_accounts_network.sqlite3.up.sql']);
    expect(sqliteRows(target.connection.sqlitePath, 'SELECT id, account_id FROM sessions ORDER BY id')).toEqual([
      { id: 's1', account_id: 'a1' },
      { id: 's2', account_id: 'a1' },
    ]);
    expect(sqliteRows(target.connection.sqlitePath, 'SELECT id, email, nid FROM accounts')).toEqual([{ id: 'a1', email: 'ann@example.com', nid: null }]);
  });
});
