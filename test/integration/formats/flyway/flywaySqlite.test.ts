// A Flyway project on a SQLite file (Flyway supports SQLite): the same history rows, read back the same.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../../../src-main/sqliteModule';
import { runTarget } from '../../../../src-main/runner/runnerService';
import { targetStatus } from '../../../../src-main/runner/targetStatus';
import { sqliteTarget } from '../../../support/migrationTargets';
import { tempDir } from '../../../support/tempDir';

describe('a Flyway project on SQLite', () => {
  it('applies versioned then repeatable migrations, writes flyway_schema_history, and reruns a changed repeatable only', async () => {
    const dir = tempDir();
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    writeFileSync(join(migrations, 'V1__create_notes.sql'), 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);\n');
    writeFileSync(join(migrations, 'V1_1__add_author.sql'), 'ALTER TABLE notes ADD COLUMN author TEXT;\n');
    writeFileSync(join(migrations, 'R__note_bodies.sql'), 'DROP VIEW IF EXISTS note_bodies;\nCREATE VIEW note_bodies AS SELECT body FROM notes;\n');
    const path = join(dir, 'app.sqlite');
    const target = sqliteTarget(path, migrations, { name: 'local file', projectFormat: 'auto' });

    const first = await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'tester' });
    expect(first.steps.map((s) => s.revision)).toEqual(['1', '1.1', 'R__note_bodies']);
    writeFileSync(join(migrations, 'R__note_bodies.sql'), 'DROP VIEW IF EXISTS note_bodies;\nCREATE VIEW note_bodies AS SELECT body, author FROM notes;\n');
    expect((await targetStatus(target)).pending).toEqual(['R__note_bodies']);
    const second = await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'tester' });
    expect(second.steps.map((s) => s.revision)).toEqual(['R__note_bodies']);
    expect(second.status.pending).toEqual([]);

    const db = openSqlite(path, { readonly: true });
    try {
      const rows = db
        .prepare('SELECT installed_rank, version, description, type, script, installed_by, success FROM flyway_schema_history ORDER BY installed_rank')
        .all();
      expect(rows).toEqual([
        { installed_rank: 1, version: '1', description: 'create notes', type: 'SQL', script: 'V1__create_notes.sql', installed_by: 'tester', success: 1 },
        { installed_rank: 2, version: '1.1', description: 'add author', type: 'SQL', script: 'V1_1__add_author.sql', installed_by: 'tester', success: 1 },
        { installed_rank: 3, version: null, description: 'note bodies', type: 'SQL', script: 'R__note_bodies.sql', installed_by: 'tester', success: 1 },
        { installed_rank: 4, version: null, description: 'note bodies', type: 'SQL', script: 'R__note_bodies.sql', installed_by: 'tester', success: 1 },
      ]);
      expect(db.prepare("SELECT name FROM pragma_table_info('note_bodies') ORDER BY cid").all()).toEqual([{ name: 'body' }, { name: 'author' }]);
    } finally {
      db.close();
    }
  });
});

describe('long names in flyway_schema_history', () => {
  it('cuts a description to 200 characters as Flyway does, and still knows the repeatable as applied', async () => {
    const dir = tempDir();
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    const long = `refresh_${'very_'.repeat(45)}long_view`;
    writeFileSync(join(migrations, `R__${long}.sql`), 'DROP VIEW IF EXISTS v;\nCREATE VIEW v AS SELECT 1 AS one;\n');
    const target = sqliteTarget(join(dir, 'app.sqlite'), migrations, { name: 'local file', projectFormat: 'flyway' });
    const result = await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'tester' });
    expect(result.status.pending).toEqual([]);
    const db = openSqlite(join(dir, 'app.sqlite'), { readonly: true });
    try {
      const [row] = db.prepare('SELECT description FROM flyway_schema_history').all() as Array<{ description: string }>;
      expect(row?.description).toBe(`${long.replace(/_/g, ' ').slice(0, 197)}...`);
    } finally {
      db.close();
    }
  });
});
