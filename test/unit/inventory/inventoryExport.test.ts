// The exports and the grid's filter, sort and totals, as a user reads them.
import { describe, expect, it } from 'vitest';
import { tableStatuses, type Inventory, type InventoryTable } from '../../../src-shared/model/inventory';
import { analysisMayExplain, formatBytes, inventoryCsv, inventoryMarkdown } from '../../../src-shared/model/inventoryExport';
import { filterTables, noFilter, sortTables, totalsOf } from '../../../src-renderer/features/inventory/inventoryView';

function table(name: string, extra: Partial<InventoryTable> = {}): InventoryTable {
  return {
    schema: 'public',
    name,
    kind: 'table',
    estimatedRows: 10,
    exactRows: null,
    bytes: 8192,
    bytesExact: false,
    indexCount: 1,
    owner: 'app',
    comment: null,
    status: 'ok',
    createdBy: null,
    conflictWith: null,
    ...extra,
  };
}

const tables = [
  table('users', { estimatedRows: 1200, bytes: 65536, createdBy: { revision: 'a1', file: '001_a1.sql', line: 1 } }),
  table('audit', { status: 'missing', estimatedRows: null, bytes: null, indexCount: 0 }),
  table('Label "Tasks", old', { schema: 'Label Studio', status: 'unexpected', estimatedRows: null }),
  table('reports', { status: 'conflict', exactRows: 3, conflictWith: { revision: 'c3', file: '003_c3.sql', line: 1 } }),
];

describe('the grid', () => {
  it('filters by schema, status and a case-insensitive part of schema.name', () => {
    expect(filterTables(tables, { ...noFilter, schema: 'Label Studio' }).map((t) => t.name)).toEqual(['Label "Tasks", old']);
    expect(filterTables(tables, { ...noFilter, status: 'missing' }).map((t) => t.name)).toEqual(['audit']);
    expect(filterTables(tables, { ...noFilter, name: 'LABEL studio.' })).toHaveLength(1);
  });

  it('sorts by rows (exact counts over estimates) with empty values last either way', () => {
    expect(sortTables(tables, { column: 'rows', descending: true }).map((t) => t.name)).toEqual(['users', 'reports', 'Label "Tasks", old', 'audit']);
    expect(sortTables(tables, { column: 'rows', descending: false }).map((t) => t.name)).toEqual(['reports', 'users', 'Label "Tasks", old', 'audit']);
  });

  it('sorts by status with problems first', () => {
    expect(sortTables(tables, { column: 'status', descending: false }).map((t) => t.status)).toEqual(['conflict', 'missing', 'unexpected', 'ok']);
  });

  it('totals what is shown', () => {
    expect(totalsOf(tables)).toEqual({ tables: 4, rows: 1203, bytes: 65536 + 8192 + 8192, indexes: 3 });
  });
});

describe('exports', () => {
  it('CSV quotes commas and quotes, one line per table', () => {
    const lines = inventoryCsv(tables, { analysisIncomplete: null }).trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[3]).toBe('Label Studio,"Label ""Tasks"", old",table,unexpected,,,8192,false,1,app,,,,,');
    expect(lines[1]).toBe('public,users,table,ok,1200,,65536,false,1,app,a1,001_a1.sql:1,,,');
  });

  it('CSV notes, on the rows it may explain, that the analysis was incomplete and who may have made a table', () => {
    const analysisIncomplete = { revisions: 1, message: 'the analysis of 1 revision was incomplete: b2 (002_b2.sql:7: a dynamic EXECUTE is not read: v)' };
    const made = { ...tables[2]!, mayBeCreatedBy: { revision: 'b2', file: '002_b2.sql', line: 1, how: 'function make_tasks() creates it when called' } };
    const lines = inventoryCsv([tables[0]!, made], { analysisIncomplete }).trimEnd().split('\r\n');
    expect(lines[0]?.endsWith(',comment,note')).toBe(true);
    expect(lines[1]?.endsWith(',,')).toBe(true);
    expect(lines[2]).toContain(
      ',,maybe by b2 (002_b2.sql:1): function make_tasks() creates it when called; the analysis of 1 revision was incomplete: b2 (002_b2.sql:7: a dynamic EXECUTE is not read: v)',
    );
  });

  it('the Markdown summary counts by status and lists problems first', () => {
    const inventory: Inventory = {
      connection: 'Orders (staging)',
      engine: 'postgres',
      project: { dir: '/srv/migrations', format: 'native', applied: 1, pending: 1 },
      tables,
      counts: { ok: 1, missing: 1, unexpected: 1, conflict: 1, bookkeeping: 0 },
      pendingChanges: [{ revision: 'c3', file: '003_c3.sql', line: 1, created: ['reports'], dropped: [], renamed: [] }],
      analysisProblems: [],
      analysisIncomplete: null,
      projectError: null,
      sizesExact: false,
    };
    const markdown = inventoryMarkdown(inventory, '2026-01-17T00:49:00Z');
    expect(markdown).toContain('# Table inventory — Orders (staging)');
    expect(markdown).toContain('| OK | 1 | 1200 | 64 kB |');
    expect(markdown).toContain('| **Total** | **4** | **1203** | **80 kB** |');
    expect(markdown.indexOf('## Will conflict (1)')).toBeLessThan(markdown.indexOf('## Missing (1)'));
    expect(markdown).toContain('- `public.reports` — pending c3 (003_c3.sql:1) creates it, 3 rows, 8.0 kB');
    expect(markdown).toContain('- c3 (003_c3.sql:1): creates `reports`');
    expect(markdown).not.toContain('## Bookkeeping');
  });

  it('the Markdown summary says when the analysis was incomplete, and which table a revision may have made', () => {
    const made = {
      ...tables.find((t) => t.status === 'unexpected')!,
      mayBeCreatedBy: { revision: 'b2', file: '002_b2.sql', line: 1, how: 'function make_tasks() creates it when called' },
    };
    const inventory: Inventory = {
      connection: 'Orders (staging)',
      engine: 'postgres',
      project: { dir: '/srv/migrations', format: 'native', applied: 2, pending: 0 },
      tables: [made],
      counts: { ok: 0, missing: 0, unexpected: 1, conflict: 0, bookkeeping: 0 },
      pendingChanges: [],
      analysisProblems: [{ revision: 'b2', problem: '002_b2.sql:7: a dynamic EXECUTE is not read: v_sql' }],
      analysisIncomplete: { revisions: 1, message: 'the analysis of 1 revision was incomplete: b2 (002_b2.sql:7: a dynamic EXECUTE is not read: v_sql).' },
      projectError: null,
      sizesExact: false,
    };
    const markdown = inventoryMarkdown(inventory, '2026-01-17T00:49:00Z');
    expect(markdown).toContain('**Note:** the analysis of 1 revision was incomplete: b2 (002_b2.sql:7: a dynamic EXECUTE is not read: v_sql).');
    expect(markdown).toContain('Present, created by no applied migration. The analysis of the migrations was incomplete');
    expect(markdown).toContain('maybe by b2 (002_b2.sql:1): function make_tasks() creates it when called');
  });

  it('an incomplete analysis doubts the unexpected, missing and conflicting tables, and only while it is incomplete', () => {
    const incomplete = { analysisIncomplete: { revisions: 1, message: 'the analysis of 1 revision was incomplete: …' } };
    const doubted = tableStatuses.filter((status) => analysisMayExplain({ status }, incomplete));
    expect(doubted).toEqual(['missing', 'unexpected', 'conflict']);
    expect(tableStatuses.filter((status) => analysisMayExplain({ status }, { analysisIncomplete: null }))).toEqual([]);
  });

  it('sizes read like a person writes them', () => {
    expect([formatBytes(0), formatBytes(1536), formatBytes(10 * 1024 * 1024), formatBytes(null)]).toEqual(['0 B', '1.5 kB', '10 MB', '']);
    // Never four digits of one unit: 1016 kB beside a 9.0 MB snapshot read as two unit systems.
    expect([formatBytes(1016 * 1024), formatBytes(999), formatBytes(1000)]).toEqual(['1.0 MB', '999 B', '1.0 kB']);
  });
});
