import { describe, expect, it } from 'vitest';
import { appliedWithAncestors } from '../../../src-shared/graph/planner';
import { loadProject } from '../../../src-main/migrations/project';
import type { RevisionFile } from '../../../src-main/migrations/readers/projectFiles';
import { analyseTables, expectedTables, tablesCreatedTwice, type TableChanges } from '../../../src-main/migrations/staticAnalysis';
import { fixtures, graphOf, rev } from '../../support/revisions';

function alembicFile(text: string): RevisionFile {
  return { revision: rev('r1'), text, up: null, down: null };
}

describe('tables each revision creates, drops and renames', () => {
  it('reads native SQL with the PostgreSQL parser', async () => {
    const project = loadProject(`${fixtures}native-branchy`);
    const changes = await analyseTables(project.files.files, 'native');
    expect(changes.get('0002')).toEqual({ created: ['roles', 'role_grants'], dropped: [], renamed: [], problems: [] });
    expect(changes.get('0004')?.renamed).toEqual([{ from: 'role_grants', to: 'role_audit' }]);
    expect(changes.get('0005')).toMatchObject({ created: ['settings'], dropped: ['roles'] });
    expect(changes.get('0003')?.created).toEqual([]);
  });

  it("reads Alembic's op calls and the SQL inside op.execute, from upgrade() only", async () => {
    const text = [
      'def upgrade():',
      '    op.create_table(\n        "accounts",\n        sa.Column("id", sa.Integer()),\n    )',
      "    op.drop_table('legacy')",
      "    op.rename_table('old_name', 'new_name')",
      '    op.execute("CREATE TABLE audit.events (id int)")',
      '    op.execute(sa.text("""DROP TABLE IF EXISTS scratch"""))',
      '',
      'def downgrade():',
      "    op.drop_table('accounts')",
      '',
    ].join('\n');
    const changes = await analyseTables([alembicFile(text)], 'alembic');
    expect(changes.get('r1')).toEqual({
      created: ['accounts', 'audit.events'],
      dropped: ['legacy', 'scratch'],
      renamed: [{ from: 'old_name', to: 'new_name' }],
      problems: [],
    });
  });

  it('reads the DO blocks inside op.execute and names the file line of a statement it cannot read', async () => {
    const text = [
      'def upgrade():',
      '    op.execute("DO $$ BEGIN CREATE TABLE tenants (id int); END $$")',
      '    op.execute(',
      `        """DO $$ BEGIN EXECUTE 'CREATE TABLE ' || quote_ident(current_user); END $$"""`,
      '    )',
      '',
    ].join('\n');
    const changes = await analyseTables([alembicFile(text)], 'alembic');
    expect(changes.get('r1')).toMatchObject({ created: ['tenants'], problems: [expect.stringMatching(/^versions\/r1\.py:4: a dynamic EXECUTE is not read/)] });
  });

  it("names a table by the schema= of its op call, not by a column type's", async () => {
    const text = [
      'def upgrade():',
      '    op.create_table(',
      '        "accounts",',
      '        sa.Column("kind", sa.Enum("a", "b", name="kind", schema="types")),  # schema="wrong"',
      '        schema="billing",',
      '    )',
      "    op.drop_table('old_accounts', schema='public')",
      "    op.rename_table('ledger', 'journal', schema='billing')",
      '    op.create_table("plain", sa.Column("id", sa.Integer()))',
      '',
    ].join('\n');
    expect(await analyseTables([alembicFile(text)], 'alembic')).toEqual(
      new Map([
        [
          'r1',
          { created: ['billing.accounts', 'plain'], dropped: ['old_accounts'], renamed: [{ from: 'billing.ledger', to: 'billing.journal' }], problems: [] },
        ],
      ]),
    );
  });

  it('lists an op call whose table or SQL is not a literal, and passes over SQLAlchemy row statements', async () => {
    const text = [
      'def upgrade():',
      '    op.create_table(TABLE_NAME, sa.Column("id", sa.Integer()))',
      '    op.execute(f"CREATE TABLE {prefix}_events (id int)")',
      '    op.execute(users.update().values(active=True))',
      '    op.execute(sa.delete(sessions))',
      '',
    ].join('\n');
    expect((await analyseTables([alembicFile(text)], 'alembic')).get('r1')?.problems).toEqual([
      'versions/r1.py:2: op.create_table(TABLE_NAME…) is not read: its table is not a string literal',
      'versions/r1.py:3: op.execute(f"CREATE TABLE {prefix}_events (id int)"…) is not read: its SQL is not a string literal',
    ]);
  });

  it('records SQL the parser rejects as a problem of that revision instead of failing', async () => {
    const changes = await analyseTables([alembicFile('def upgrade():\n    op.execute("CREAT TABLE x")\n')], 'alembic');
    expect(changes.get('r1')?.problems).toEqual([expect.stringContaining('syntax error')]);
  });
});

describe('the expected tables, replayed over an applied set', () => {
  it('follows creates, drops and renames in upgrade order', async () => {
    const project = loadProject(`${fixtures}native-branchy`);
    const changes = await analyseTables(project.files.files, 'native');
    expect([...expectedTables(project.graph, changes, appliedWithAncestors(project.graph, ['0002']))].sort()).toEqual(['documents', 'role_grants', 'roles']);
    expect([...expectedTables(project.graph, changes, appliedWithAncestors(project.graph, ['0005', '0006']))].sort()).toEqual([
      'documents',
      'role_audit',
      'scratch',
      'settings',
    ]);
  });
});

describe('the expected tables after a drop and re-create', () => {
  it('keeps a table a revision drops and creates again, as the upgrade leaves it', () => {
    const graph = graphOf(rev('a'), rev('b', ['a']));
    const changes = new Map<string, TableChanges>([
      ['a', { created: ['events'], dropped: [], renamed: [], problems: [] }],
      ['b', { created: ['events'], dropped: ['events'], renamed: [], problems: [] }],
    ]);
    expect([...expectedTables(graph, changes, new Set(['a', 'b']))]).toEqual(['events']);
  });
});

describe('two unrelated revisions creating the same table', () => {
  it('is reported, as in the seeds\' relation "documents" already exists', async () => {
    const project = loadProject(`${fixtures}seed-tree`);
    const anomalies = tablesCreatedTwice(project.graph, await analyseTables(project.files.files, 'alembic'));
    expect(anomalies).toEqual([
      expect.objectContaining({
        kind: 'tableCreatedTwice',
        revisions: ['000_core_tables', 'd01fd5049733'],
        file: 'alembic/versions/d01fd5049733.py',
        message: expect.stringContaining('relation "documents" already exists'),
      }),
    ]);
  });

  it('is not reported when both creates are made only where the table is absent, and is when one is plain', () => {
    const graph = graphOf(rev('a'), rev('b', ['a']), rev('c', ['a']));
    const flags = (ifAbsent: boolean): TableChanges => ({
      created: ['flags'],
      dropped: [],
      renamed: [],
      problems: [],
      ...(ifAbsent ? { createdIfAbsent: ['flags'] } : {}),
    });
    const both = new Map([
      ['b', flags(true)],
      ['c', flags(true)],
    ]);
    expect(tablesCreatedTwice(graph, both)).toEqual([]);
    const onePlain = new Map([...both, ['c', flags(false)]]);
    expect(tablesCreatedTwice(graph, onePlain).map((a) => a.revisions)).toEqual([['b', 'c']]);
  });

  it('is not reported when one revision comes after the other', async () => {
    const project = loadProject(`${fixtures}native-branchy`);
    expect(tablesCreatedTwice(project.graph, await analyseTables(project.files.files, 'native'))).toEqual([]);
  });
});
