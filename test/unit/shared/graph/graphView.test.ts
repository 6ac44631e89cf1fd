import { describe, expect, it } from 'vitest';
import { gapBetween } from '../../../../src-shared/graph/environmentGap';
import { branchRevisions, matchesSearch } from '../../../../src-shared/graph/graphFilter';
import { graphNodes } from '../../../../src-shared/graph/graphNodes';
import { layoutLanes } from '../../../../src-shared/graph/laneLayout';
import { buildGraph } from '../../../../src-shared/graph/revisionGraph';
import { viewItems } from '../../../../src-shared/graph/linearRuns';
import { sqlTokens } from '../../../../src-shared/graph/sqlTokens';
import type { GraphReport } from '../../../../src-shared/model/revision';
import type { MigrationStatus } from '../../../../src-shared/model/status';

function report(revisions: Array<{ id: string; parents?: string[]; labels?: string[]; message?: string }>): GraphReport {
  return {
    format: 'native',
    detection: 'test',
    project: '/p',
    revisions: revisions.map((r, i) => ({
      id: r.id,
      parents: r.parents ?? [],
      dependsOn: [],
      branchLabels: r.labels ?? [],
      onBranches: r.labels ?? [],
      message: r.message ?? '',
      createdAt: null,
      file: `${i}.sql`,
      line: 1,
    })),
    heads: [],
    bases: [],
    branchPoints: [],
    mergePoints: [],
    effectiveHeads: [],
    anomalies: [],
  };
}

const status = (applied: string[], heads: string[] = applied.slice(-1)): MigrationStatus => ({
  format: 'native',
  project: '/p',
  applied,
  heads,
  pending: [],
  pendingByBranch: [],
  unknown: [],
  changed: [],
  projectHeads: [],
  records: [],
  initialised: true,
  blockedBy: null,
});

describe('graph view', () => {
  it('draws a parent no file defines as a ghost node below its child', () => {
    const nodes = graphNodes(report([{ id: 'a' }, { id: 'b', parents: ['gone'] }]));
    expect(nodes.find((n) => n.id === 'gone')?.ghost).toBe(true);
    const layout = layoutLanes(nodes);
    expect(layout.rows.map((r) => r.id).indexOf('gone')).toBeGreaterThan(layout.rows.map((r) => r.id).indexOf('b'));
  });

  it('finds revisions by id, message or label, ignoring case', () => {
    const r = report([{ id: 'abc123', message: 'Add Users', labels: ['rbac'] }]).revisions[0] as GraphReport['revisions'][number];
    expect(matchesSearch(r, 'ABC')).toBe(true);
    expect(matchesSearch(r, 'users')).toBe(true);
    expect(matchesSearch(r, 'rba')).toBe(true);
    expect(matchesSearch(r, 'orders')).toBe(false);
  });

  it('filters to the ancestors and descendants of a revision, leaving other branches out', () => {
    const r = report([{ id: 'a' }, { id: 'b', parents: ['a'] }, { id: 'c', parents: ['a'] }, { id: 'd', parents: ['b'] }]);
    expect([...branchRevisions(buildGraph(r.revisions), { kind: 'lineage', revision: 'b' })].sort()).toEqual(['a', 'b', 'd']);
    expect([...branchRevisions(buildGraph(report([{ id: 'x', labels: ['l'] }, { id: 'y' }]).revisions), { kind: 'label', label: 'l' })]).toEqual(['x']);
  });

  it('keeps in a lineage what a depends_on names by branch label, as the planner runs it', () => {
    const r = report([{ id: 'a', labels: ['core'] }, { id: 'b', parents: ['a'] }, { id: 'x' }, { id: 'y', parents: ['x'] }]);
    const y = r.revisions[3] as GraphReport['revisions'][number];
    y.dependsOn = ['core'];
    expect([...branchRevisions(buildGraph(r.revisions), { kind: 'lineage', revision: 'y' })].sort()).toEqual(['a', 'x', 'y']);
  });

  it('folds a long straight run, keeping everything else, and unfolds it on request', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `r${i}`);
    const layout = layoutLanes(ids.map((id, i) => ({ id, parents: i === 0 ? [] : [ids[i - 1] as string], dependsOn: [] })));
    const folded = viewItems(layout, true);
    expect(folded.some((item) => item.kind === 'run')).toBe(true);
    expect(folded.length).toBeLessThan(10);
    const run = folded.find((item) => item.kind === 'run');
    expect(viewItems(layout, true, new Set([run?.kind === 'run' ? run.first : -1]))).toHaveLength(10);
    expect(viewItems(layout, false)).toHaveLength(10);
  });

  it('says what would bring one environment level with another', () => {
    expect(gapBetween(status(['a', 'b']), status(['a', 'b', 'c', 'd']))).toEqual({ toApply: ['c', 'd'], toRevert: [], headsToReach: ['d'] });
    expect(gapBetween(status(['a', 'x', 'y']), status(['a']))).toEqual({ toApply: [], toRevert: ['y', 'x'], headsToReach: [] });
    // Two branches ahead: one upgrade per head the other environment stands at.
    expect(gapBetween(status(['a']), status(['a', 'b', 'c'], ['b', 'c'])).headsToReach).toEqual(['b', 'c']);
  });

  it('highlights SQL keywords, strings, numbers and comments without losing a character', () => {
    const sql = "CREATE TABLE t (id INTEGER DEFAULT 1, name TEXT DEFAULT 'it''s'); -- done";
    const tokens = sqlTokens(sql);
    expect(tokens.map((t) => t.text).join('')).toBe(sql);
    expect(tokens.filter((t) => t.kind === 'keyword').map((t) => t.text)).toEqual(['CREATE', 'TABLE', 'INTEGER', 'DEFAULT', 'TEXT', 'DEFAULT']);
    expect(tokens.find((t) => t.kind === 'string')?.text).toBe("'it''s'");
    expect(tokens.find((t) => t.kind === 'comment')?.text).toBe('-- done');
    expect(tokens.find((t) => t.kind === 'number')?.text).toBe('1');
  });
});
