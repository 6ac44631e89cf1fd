// Specifications for expected vs actual and the will-conflict replay: pure, no database.
import { describe, expect, it } from 'vitest';
import type { TableChanges } from '../../../src-main/migrations/staticAnalysis';
import type { CatalogRelation } from '../../../src-main/inventory/catalogRelation';
import { conflictingTables } from '../../../src-main/inventory/conflicts';
import { classifyTables, expectedWithCreators, type ProjectState } from '../../../src-main/inventory/expectedVsActual';
import { graphOf, rev } from '../../support/revisions';

function changes(entries: Record<string, Partial<TableChanges>>): Map<string, TableChanges> {
  return new Map(Object.entries(entries).map(([id, c]) => [id, { created: [], dropped: [], renamed: [], problems: [], ...c }]));
}

function relation(name: string, schema = 'public', kind: CatalogRelation['kind'] = 'table'): CatalogRelation {
  return { schema, name, kind, estimatedRows: 0, exactRows: null, bytes: 8192, bytesExact: false, indexCount: 0, owner: 'app', comment: null };
}

// a → b → c, with a side branch a → x.
const graph = graphOf(rev('a'), rev('b', ['a']), rev('c', ['b']), rev('x', ['a']));

describe('expected tables and who created them', () => {
  it('keeps the creator through a rename and forgets a dropped table', () => {
    const state: ProjectState = {
      graph,
      changes: changes({ a: { created: ['users', 'drafts'] }, b: { renamed: [{ from: 'users', to: 'accounts' }], dropped: ['drafts'] } }),
      applied: new Set(['a', 'b']),
      pending: ['c', 'x'],
    };
    expect([...expectedWithCreators(state)]).toEqual([['accounts', 'a']]);
  });

  it('treats a drop and re-create in one revision as the table still being there', () => {
    const state: ProjectState = {
      graph,
      changes: changes({ a: { created: ['t'] }, b: { dropped: ['t'], created: ['t'] } }),
      applied: new Set(['a', 'b']),
      pending: [],
    };
    expect(expectedWithCreators(state).get('t')).toBe('b');
  });
});

describe('each table gets the status a DBA would give it', () => {
  const state: ProjectState = {
    graph,
    changes: changes({ a: { created: ['users', 'audit', 'sales.orders'] }, c: { created: ['reports'] }, x: { created: ['exports'], dropped: ['users'] } }),
    applied: new Set(['a', 'b']),
    pending: ['c', 'x'],
  };
  const relations = [
    relation('users'),
    relation('orders', 'sales'),
    relation('reports'),
    relation('legacy'),
    relation('switchyard_migrations'),
    relation('recent', 'public', 'view'),
  ];
  const result = classifyTables(relations, 'postgres', state);
  const status = (name: string) => result.tables.find((t) => t.name === name)?.status;

  it('ok, missing, unexpected, conflict and bookkeeping', () => {
    expect(status('users')).toBe('ok');
    expect(status('orders')).toBe('ok');
    expect(status('audit')).toBe('missing');
    expect(status('legacy')).toBe('unexpected');
    expect(status('reports')).toBe('conflict');
    expect(status('switchyard_migrations')).toBe('bookkeeping');
    expect(result.counts).toEqual({ ok: 2, missing: 1, unexpected: 1, conflict: 1, bookkeeping: 1 });
  });

  it("calls every tool's bookkeeping bookkeeping, in its own schema too, not a table someone left behind", () => {
    const migratedByOthers = classifyTables(
      [relation('flyway_schema_history'), relation('schema_migrations'), relation('changes', 'sqitch'), relation('goose_db_version'), relation('changes')],
      'postgres',
      state,
    );
    const of = (schema: string, name: string) => migratedByOthers.tables.find((t) => t.schema === schema && t.name === name)?.status;
    expect(of('public', 'flyway_schema_history')).toBe('bookkeeping');
    expect(of('public', 'schema_migrations')).toBe('bookkeeping');
    expect(of('public', 'goose_db_version')).toBe('bookkeeping');
    expect(of('sqitch', 'changes')).toBe('bookkeeping');
    // The same name in the default schema is a user's table.
    expect(of('public', 'changes')).toBe('unexpected');
  });

  it('gives views no status: static analysis does not read CREATE VIEW', () => {
    expect(status('recent')).toBeNull();
  });

  it('names the creator, the colliding pending revision, and what pending revisions change', () => {
    expect(result.tables.find((t) => t.name === 'orders')).toMatchObject({ schema: 'sales', createdBy: { revision: 'a', file: 'versions/a.py', line: 1 } });
    expect(result.tables.find((t) => t.name === 'reports')?.conflictWith).toEqual({ revision: 'c', file: 'versions/c.py', line: 1 });
    expect(result.pendingChanges.map((c) => [c.revision, c.created, c.dropped])).toEqual([
      ['c', ['reports'], []],
      ['x', ['exports'], ['users']],
    ]);
  });

  it('without a project lists the catalog as it is', () => {
    const plain = classifyTables(relations, 'postgres', null);
    expect(plain.tables.map((t) => t.status)).toEqual(relations.map(() => null));
    expect(plain.tables.map((t) => t.name)).not.toContain('audit');
  });

  it('on SQLite the default schema is main', () => {
    const sqlite = classifyTables([relation('users', 'main')], 'sqlite', state);
    expect(sqlite.tables.find((t) => t.name === 'users')?.status).toBe('ok');
    expect(sqlite.tables.find((t) => t.name === 'orders')).toMatchObject({ schema: 'sales', status: 'missing' });
  });
});

describe('an analysis that could not read every statement', () => {
  const state: ProjectState = {
    graph,
    changes: changes({
      a: { created: ['users'], mayCreate: [{ table: 'audit_log', how: 'function make_audit() creates it when called' }] },
      b: { problems: ['versions/b.py:4: a dynamic EXECUTE is not read: v_sql', 'versions/b.py:9: a dynamic EXECUTE is not read: v_more'] },
      c: {
        problems: ['versions/c.py:2: SQL the PostgreSQL parser rejects: syntax error'],
        mayCreate: [{ table: 'scratch', how: 'named by a statement not read at versions/c.py:2' }],
      },
    }),
    applied: new Set(['a', 'b']),
    pending: ['c', 'x'],
  };
  const result = classifyTables([relation('users'), relation('audit_log'), relation('scratch'), relation('legacy')], 'postgres', state);
  const table = (name: string) => result.tables.find((t) => t.name === name);

  it('says so once for the whole inventory, counting revisions rather than statements', () => {
    expect(result.analysisProblems).toHaveLength(3);
    expect(result.analysisIncomplete?.revisions).toBe(2);
    expect(result.analysisIncomplete?.message).toMatch(
      /^the analysis of 2 revisions was incomplete: b \(versions\/b\.py:4: a dynamic EXECUTE is not read: v_sql\); b \(/,
    );
  });

  it('marks an unexpected table an applied revision may have made, and only such a table', () => {
    expect(table('audit_log')).toMatchObject({
      status: 'unexpected',
      mayBeCreatedBy: { revision: 'a', file: 'versions/a.py', line: 1, how: 'function make_audit() creates it when called' },
    });
    // c is pending: what it may create is not in the database because of it.
    expect(table('scratch')).toMatchObject({ status: 'unexpected' });
    expect(table('scratch')?.mayBeCreatedBy).toBeUndefined();
    expect(table('legacy')?.mayBeCreatedBy).toBeUndefined();
    expect(table('users')).toMatchObject({ status: 'ok' });
  });

  it('is null when every statement was read', () => {
    expect(classifyTables([relation('users')], 'postgres', { ...state, changes: changes({ a: { created: ['users'] } }) }).analysisIncomplete).toBeNull();
    expect(classifyTables([relation('users')], 'postgres', null).analysisIncomplete).toBeNull();
  });
});

describe('conflictingTables: what the runner checks before the first statement', () => {
  const work = changes({
    c: { created: ['reports'] },
    x: { created: ['exports', 'reports'] },
    b: { dropped: ['old'], created: ['old'] },
    r: { renamed: [{ from: 'tmp', to: 'users' }] },
  });

  it('reports a create of a table that exists now', () => {
    expect(conflictingTables(graph, work, ['c'], ['reports'])).toEqual([
      expect.objectContaining({ table: 'reports', present: true, revision: { revision: 'c', file: 'versions/c.py', line: 1 } }),
    ]);
  });

  it('reports a second create within the same upgrade, and says so', () => {
    const [conflict] = conflictingTables(graph, work, ['c', 'x'], []);
    expect(conflict).toMatchObject({ table: 'reports', present: false });
    expect(conflict?.message).toContain('created earlier in the same upgrade');
  });

  it('allows drop-then-create in one revision and only checks the revisions given', () => {
    expect(conflictingTables(graph, work, ['b'], ['old'])).toEqual([]);
    expect(conflictingTables(graph, work, ['x'], ['reports', 'unrelated']).map((c) => c.table)).toEqual(['reports']);
  });

  it('reports a rename onto an existing table', () => {
    expect(conflictingTables(graph, work, ['r'], ['tmp', 'users']).map((c) => c.table)).toEqual(['users']);
  });

  it('passes over a create made only where the table is absent (IF NOT EXISTS, a guarded DO block)', () => {
    const guarded = changes({ c: { created: ['reports', 'exports'], createdIfAbsent: ['reports'] } });
    expect(conflictingTables(graph, guarded, ['c'], ['reports', 'exports']).map((c) => c.table)).toEqual(['exports']);
  });
});
