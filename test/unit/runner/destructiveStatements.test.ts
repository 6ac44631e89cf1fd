import { describe, expect, it } from 'vitest';
import type { RevisionFile } from '../../../src-main/migrations/readers/projectFiles';
import { loadParser } from '../../../src-main/migrations/staticAnalysis';
import { destructiveStatements, mayDestroy } from '../../../src-main/runner/destructiveStatements';
import { rev } from '../../support/revisions';

const alembic = [
  'def upgrade():',
  "    op.create_table('accounts', sa.Column('id', sa.Integer()))",
  '    op.execute("DELETE FROM sessions WHERE expired")',
  '',
  'def downgrade():',
  '    op.execute(sa.text("""TRUNCATE audit.events"""))',
  "    op.drop_table('accounts')",
  '',
].join('\n');

function alembicFile(id: string, text: string): RevisionFile {
  return { revision: rev(id), text, up: null, down: null };
}

function nativeFile(id: string, up: string, down: string): RevisionFile {
  return { revision: rev(id), text: '', up: { sql: up, line: 1, transaction: true }, down: { sql: down, line: 2, transaction: true } };
}

describe('which tables a run destroys, from the SQL it runs', () => {
  it("reads an Alembic revision's downgrade() when it is reverted and its upgrade() when it is applied", async () => {
    const parse = await loadParser();
    const file = alembicFile('r1', alembic);
    expect(destructiveStatements(parse, [{ direction: 'down', file }], 'tool')).toEqual([
      { table: 'audit.events', how: 'truncate', revision: 'r1', direction: 'down' },
      { table: 'accounts', how: 'drop', revision: 'r1', direction: 'down' },
    ]);
    expect(destructiveStatements(parse, [{ direction: 'up', file }], 'tool')).toEqual([{ table: 'sessions', how: 'delete', revision: 'r1', direction: 'up' }]);
  });

  it('reads native bodies, ignores comments, strings and row-only statements, and names a table once', async () => {
    const parse = await loadParser();
    const first = nativeFile('n2', "INSERT INTO notes VALUES ('DROP TABLE notes');\n-- DROP TABLE old;\nDROP TABLE public.notes, archive.notes;", 'SELECT 1;');
    const second = nativeFile('n1', 'SELECT 1;', 'DELETE FROM notes;\nWITH gone AS (SELECT 1) DELETE FROM tags;');
    expect(
      destructiveStatements(
        parse,
        [
          { direction: 'up', file: first },
          { direction: 'down', file: second },
        ],
        'sql',
      ),
    ).toEqual([
      { table: 'notes', how: 'drop', revision: 'n2', direction: 'up' },
      { table: 'archive.notes', how: 'drop', revision: 'n2', direction: 'up' },
      { table: 'tags', how: 'delete', revision: 'n1', direction: 'down' },
    ]);
  });

  it('does not load the parser for steps that cannot destroy anything', () => {
    const creating = nativeFile('c1', 'CREATE TABLE notes (id int);', 'DROP TABLE notes;');
    expect(mayDestroy([{ direction: 'up', file: creating }], 'sql')).toBe(false);
    expect(mayDestroy([{ direction: 'down', file: creating }], 'sql')).toBe(true);
  });
});
