import { describe, expect, it } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { countOf } from '../../../../src-shared/format/plural';
import { problemsOf } from '../../../../src-renderer/features/connections/problemSummary';
import { useProblems } from '../../../../src-renderer/features/connections/problemsStore';
import { useInventory } from '../../../../src-renderer/features/inventory/inventoryStore';
import { useStatus } from '../../../../src-renderer/features/runner/statusStore';
import { execSqlite } from '../../../support/sqliteFile';
import { openServices } from '../support/servicesBridge';

const current = () => problemsOf(useStatus.getState().status, useInventory.getState().inventory);

describe("a connection's problems", () => {
  it('counts the inventory’s missing, conflicting and unexpected tables with the status’s, read at one moment', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    await useProblems.getState().refresh(demo.id);
    const before = current();
    const { counts } = useInventory.getState().inventory!;
    const status = useStatus.getState().status!;
    expect(before.total).toBe(counts.missing + counts.conflict + counts.unexpected + status.unknown.length + status.changed.length);
    expect(before.unread).toEqual([]);
    const firstRead = useProblems.getState().readAt;
    expect(firstRead).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    execSqlite(demo.sqlitePath, 'CREATE TABLE made_by_hand (id integer)');
    await useProblems.getState().refresh(demo.id);

    expect(current().total).toBe(before.total + 1);
    expect(current().lines).toContain(countOf(useInventory.getState().inventory!.counts.unexpected, 'unexpected table'));
    expect(useProblems.getState().readAt! >= firstRead!).toBe(true);
  });

  it('says which half it could not read instead of counting it as none', () => {
    expect(problemsOf(undefined, undefined)).toMatchObject({ total: 0, unread: ['the migration status', 'the inventory'] });
  });
});
