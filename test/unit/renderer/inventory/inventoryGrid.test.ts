// What the Inventory grid shows beside a table when the analysis of the migrations was incomplete.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AnalysisIncomplete, InventoryTable } from '../../../../src-shared/model/inventory';
import { InventoryGrid, type GridRow } from '../../../../src-renderer/features/inventory/InventoryGrid';

function row(name: string, status: InventoryTable['status'], extra: Partial<InventoryTable> = {}): GridRow {
  return {
    schema: 'public',
    name,
    kind: 'table',
    estimatedRows: 0,
    exactRows: null,
    bytes: 8192,
    bytesExact: false,
    indexCount: 0,
    owner: 'app',
    comment: null,
    status,
    createdBy: null,
    conflictWith: null,
    ...extra,
  };
}

const incomplete: AnalysisIncomplete = {
  revisions: 1,
  message: 'the analysis of 1 revision was incomplete: b2 (002_b2.sql:4: a dynamic EXECUTE is not read: v)',
};

function grid(rows: GridRow[], analysisIncomplete: AnalysisIncomplete | null): Document {
  const html = renderToStaticMarkup(
    createElement(InventoryGrid, {
      rows,
      analysisIncomplete,
      sort: { column: 'name', descending: false },
      totals: { tables: rows.length, rows: 0, bytes: 0, indexes: 0 },
      canCount: true,
      onSort: () => undefined,
      onCount: () => undefined,
      onShowRevision: () => undefined,
    }),
  );
  return new DOMParser().parseFromString(html, 'text/html');
}

function statusCell(document: Document, name: string): Element | undefined {
  const line = [...document.querySelectorAll('.inventory-row')].find((r) => r.textContent?.includes(name));
  return line?.querySelector('.inventory-status') ?? undefined;
}

describe('the Inventory grid when the analysis was incomplete', () => {
  const rows = [
    row('dyn_shard', 'unexpected'),
    row('audit_trail', 'unexpected', { mayBeCreatedBy: { revision: 'c3', file: '003_c3.sql', line: 1, how: 'function make_audit() creates it when called' } }),
    row('tenants', 'ok', { createdBy: { revision: 'a1', file: '001_a1.sql', line: 1 } }),
  ];

  it('marks the unexpected tables with the note, and not the expected ones', () => {
    const document = grid(rows, incomplete);
    const mark = statusCell(document, 'dyn_shard')?.querySelector('.inventory-warn');
    expect(mark?.textContent).toBe('*');
    expect(mark?.getAttribute('title')).toBe(incomplete.message);
    expect(statusCell(document, 'tenants')?.querySelector('.inventory-warn')).toBeNull();
  });

  it('says which revision may have made a table, and how', () => {
    const line = [...grid(rows, incomplete).querySelectorAll('.inventory-row')].find((r) => r.textContent?.includes('audit_trail'));
    expect(line?.textContent).toContain('maybe c3 function make_audit() creates it when called');
  });

  it('marks nothing when every statement was read', () => {
    expect(grid(rows, null).querySelector('.inventory-warn')).toBeNull();
  });
});
