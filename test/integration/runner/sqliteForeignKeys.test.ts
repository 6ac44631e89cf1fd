// Foreign keys on SQLite while migrating, as the project's tool has them. ory's popx turns them off for
// its whole run; dbmate, golang-migrate and goose open SQLite through Go drivers that leave them off
// unless the URL asks. So a table rebuilt under a temporary name (DROP TABLE accounts, then the copy
// renamed over it) keeps the rows that refer to it; with enforcement on, that DROP deleted them through
// ON DELETE CASCADE, without a word. Found on ory/hydra's sqlite files.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProjectFormat } from '../../../src-shared/model/revision';
import { runTarget } from '../../../src-main/runner/runnerService';
import { sqliteTarget } from '../../support/migrationTargets';
import { execSqlite, sqliteRows } from '../../support/sqliteFile';
import { tempDir } from '../../support/tempDir';

const projects: Array<{ format: ProjectFormat; fixture: string; first: string; rebuild: string }> = [
  { format: 'pop', fixture: 'trial-pop-sqlite-rebuild', first: '20240101000000000000', rebuild: '20240201000000000000_accounts_network.sqlite3.up.sql' },
  { format: 'dbmate', fixture: 'trial-dbmate-sqlite-rebuild', first: '20240101000000', rebuild: '20240201000000_accounts_network.sql' },
  { format: 'golang-migrate', fixture: 'trial-golang-sqlite-rebuild', first: '1', rebuild: '2_accounts_network.up.sql' },
  { format: 'goose', fixture: 'trial-goose-sqlite-rebuild', first: '1', rebuild: '00002_accounts_network.sql' },
];

describe('a project rebuilding a referenced table on SQLite', () => {
  it.each(projects)('$format: keeps the rows that refer to it, as the tool runs with foreign keys off', async ({ format, fixture, first, rebuild }) => {
    const target = sqliteTarget(join(tempDir(), 'app.sqlite'), resolve('test/fixtures/migrations', fixture), { projectFormat: format });
    await runTarget(target, { action: 'upgrade', to: first }, { actor: 'tester' });
    execSqlite(target.connection.sqlitePath, "INSERT INTO accounts VALUES ('a1', 'ann@example.com'); INSERT INTO sessions VALUES ('s1', 'a1'), ('s2', 'a1');");

    const run = await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'tester' });
    expect(run.steps.map((s) => s.file)).toEqual([rebuild]);
    expect(sqliteRows(target.connection.sqlitePath, 'SELECT id, account_id FROM sessions ORDER BY id')).toEqual([
      { id: 's1', account_id: 'a1' },
      { id: 's2', account_id: 'a1' },
    ]);
    expect(sqliteRows(target.connection.sqlitePath, 'SELECT id, email, nid FROM accounts')).toEqual([{ id: 'a1', email: 'ann@example.com', nid: null }]);
  });
});
