// The Migrations tab's drift before any run, read with the connection's other problems: a column added
// by hand to a table the demo's migrations made is one drifted object with that table's revision,
// counted once in the problem summary, in words.
import { describe, expect, it } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { problemsOf } from '../../../../src-renderer/features/connections/problemSummary';
import { useProblems } from '../../../../src-renderer/features/connections/problemsStore';
import { useDrift } from '../../../../src-renderer/features/drift/driftStore';
import { useGraph } from '../../../../src-renderer/features/graph/graphStore';
import { useInventory } from '../../../../src-renderer/features/inventory/inventoryStore';
import { useStatus } from '../../../../src-renderer/features/runner/statusStore';
import { execSqlite } from '../../../support/sqliteFile';
import { openServices } from '../support/servicesBridge';

const current = () =>
  problemsOf(useStatus.getState().status, useInventory.getState().inventory, useGraph.getState().graph?.report, {
    report: useDrift.getState().report,
    read: !useDrift.getState().loading,
  });

describe('drift in the problems', () => {
  it('counts a column added by hand once, with the revision that made its table', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    await useProblems.getState().refresh(demo.id);
    const before = current();
    expect(useDrift.getState().report?.objects).toEqual([]);
    expect(before.unread).toEqual([]);
    const table = useInventory.getState().inventory?.tables.find((t) => t.status === 'ok' && t.createdBy);
    if (!table?.createdBy) throw new Error('the demo has no table its migrations made');

    execSqlite(demo.sqlitePath, `ALTER TABLE "${table.name}" ADD COLUMN added_by_hand text`);
    await useProblems.getState().refresh(demo.id);

    expect(useDrift.getState().report?.objects.map((o) => [o.change, o.kind, o.name, o.revision])).toEqual([
      ['unexpected', 'column', 'added_by_hand', table.createdBy.revision],
    ]);
    expect(current().total).toBe(before.total + 1);
    expect(current().lines).toContain('1 drifted object besides the tables');
  });
});
