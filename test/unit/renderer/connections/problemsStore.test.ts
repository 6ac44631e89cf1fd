import { describe, expect, it } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { countOf } from '../../../../src-shared/format/plural';
import type { GraphReport } from '../../../../src-shared/model/revision';
import type { MigrationStatus } from '../../../../src-shared/model/status';
import { problemsOf } from '../../../../src-renderer/features/connections/problemSummary';
import { useProblems } from '../../../../src-renderer/features/connections/problemsStore';
import { useGraph } from '../../../../src-renderer/features/graph/graphStore';
import { useInventory } from '../../../../src-renderer/features/inventory/inventoryStore';
import { useStatus } from '../../../../src-renderer/features/runner/statusStore';
import { execSqlite } from '../../../support/sqliteFile';
import { openServices } from '../support/servicesBridge';

const current = () => problemsOf(useStatus.getState().status, useInventory.getState().inventory, useGraph.getState().graph?.report);

describe("a connection's problems", () => {
  it('counts the inventory’s missing, conflicting and unexpected tables with the status’s and the graph’s anomalies, read at one moment', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    await useProblems.getState().refresh(demo.id);
    const before = current();
    const { counts } = useInventory.getState().inventory!;
    const status = useStatus.getState().status!;
    const anomalies = useGraph.getState().graph!.report.anomalies;
    expect(before.total).toBe(counts.missing + counts.conflict + counts.unexpected + status.unknown.length + status.changed.length + anomalies.length);
    expect(before.unread).toEqual([]);
    const firstRead = useProblems.getState().readAt;
    expect(firstRead).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    execSqlite(demo.sqlitePath, 'CREATE TABLE made_by_hand (id integer)');
    await useProblems.getState().refresh(demo.id);

    expect(current().total).toBe(before.total + 1);
    expect(current().lines).toContain(countOf(useInventory.getState().inventory!.counts.unexpected, 'unexpected table'));
    expect(useProblems.getState().readAt! >= firstRead!).toBe(true);
  });

  it('counts the demo’s three heads as a problem, in words, as the Graph tab shows them', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    await useProblems.getState().refresh(demo.id);
    expect(useGraph.getState().graph?.report.heads).toHaveLength(3);
    expect(current().lines).toContain('several heads');
    expect(current().lines.join(' ')).not.toMatch(/multipleHeads/);
    expect(current().total).toBeGreaterThanOrEqual(1);
  });

  it('counts a revision only the database knows, and an upgrade a missing parent blocks, once, not again as graph anomalies', () => {
    const blockedBy = 'Cannot plan "heads": b names parent a, which no file defines.';
    const status = { unknown: ['zz9'], changed: [], blockedBy, runRefusal: null, initialised: true } as unknown as MigrationStatus;
    const graph = {
      anomalies: [
        {
          kind: 'unknownApplied',
          message: 'The database records revision zz9, which no file in this project defines.',
          file: null,
          line: null,
          revisions: ['zz9'],
        },
        { kind: 'missingParent', message: 'b names parent a, which no file defines.', file: 'b.sql', line: 1, revisions: ['b'] },
        { kind: 'missingParent', message: 'c names parent x, which no file defines.', file: 'c.sql', line: 1, revisions: ['c'] },
      ],
    } as unknown as GraphReport;
    const summary = problemsOf(status, undefined, graph);
    expect(summary.total).toBe(3);
    expect(summary.lines).toEqual(['1 revision recorded in the database but defined by no file', `the upgrade is blocked: ${blockedBy}`, '2 missing parents']);
    expect(problemsOf(status, undefined, undefined).total).toBe(2);
    expect(summary.unread).toEqual(['the inventory']);
  });

  it('says which part it could not read instead of counting it as none', () => {
    expect(problemsOf(undefined, undefined, undefined)).toMatchObject({ total: 0, unread: ['the migration status', 'the inventory', 'the project graph'] });
  });
});
