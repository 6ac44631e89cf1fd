import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src-main/migrations/project';
import type { TableChanges } from '../../../src-main/migrations/staticAnalysis';
import { migrateConflicts, migrateRefusalsFor, planMigrate } from '../../../src-main/reset/migratePreflight';
import { fixtures, graphOf, rev } from '../../support/revisions';

const creates = (...created: string[]): TableChanges => ({ created, dropped: [], renamed: [], problems: [] });

describe("a reset's migrate step, checked before anything is dropped", () => {
  it('refuses a path through a cycle, naming it', () => {
    const looped = graphOf(rev('a', ['c']), rev('b', ['a']), rev('c', ['b']), rev('d'));
    expect(planMigrate(looped, 'heads', [])).toEqual({
      plan: null,
      refusal: expect.stringMatching(/^Migrating to heads would fail, so nothing is dropped: .*a → c → b → a.*\[E_CYCLE\]/),
    });
  });

  it('refuses a path through a missing parent', () => {
    const broken = graphOf(rev('a'), rev('b', ['gone']));
    expect(planMigrate(broken, 'b', []).refusal).toMatch(/b needs gone.*\[E_INVALID_PROJECT\]/);
  });

  it('refuses an ambiguous target: head with several heads, a relative step from several heads', () => {
    const forked = graphOf(rev('a'), rev('b', ['a']), rev('c', ['a']));
    expect(planMigrate(forked, 'head', []).refusal).toMatch(/\[E_MULTIPLE_HEADS\]/);
    expect(planMigrate(forked, '+1', ['b', 'c']).refusal).toMatch(/"b\+1", "c\+1".*\[E_AMBIGUOUS_REVISION\]/);
  });

  it('plans a sound path', () => {
    const linear = graphOf(rev('a'), rev('b', ['a']));
    expect(planMigrate(linear, 'heads', ['a'])).toEqual({ plan: { steps: [{ revision: 'b', direction: 'up' }] }, refusal: null });
  });

  it('refuses a path that creates one table twice, with the file and line of the second create', () => {
    const graph = graphOf(rev('a'), rev('b', ['a']), rev('c', ['a']));
    const changes = new Map([
      ['a', creates('accounts')],
      ['b', creates('documents')],
      ['c', creates('documents')],
    ]);
    const planned = planMigrate(graph, 'heads', []);
    if (planned.plan === null) throw new Error(planned.refusal);
    const refusals = migrateConflicts(graph, changes, 'heads', planned.plan, []);
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatch(
      /^Migrating to heads would fail, so nothing is dropped: versions\/[bc]\.py:1: revision [bc] creates table documents, which is created earlier in the same upgrade/,
    );
  });

  it('counts the tables a snapshot already holds when the reset restores it before migrating', () => {
    const graph = graphOf(rev('a'), rev('b', ['a']), rev('c', ['a']));
    const changes = new Map([
      ['a', creates('accounts')],
      ['b', creates('documents')],
      ['c', creates('documents')],
    ]);
    const planned = planMigrate(graph, 'c', ['b']);
    if (planned.plan === null) throw new Error(planned.refusal);
    expect(migrateConflicts(graph, changes, 'c', planned.plan, ['b'])).toEqual([
      expect.stringContaining('revision c creates table documents, which already exists in the database'),
    ]);
    expect(migrateConflicts(graph, changes, 'c', planned.plan, [])).toEqual([]);
  });

  it('refuses the seed tree to heads: two revisions both create documents', async () => {
    const refusals = await migrateRefusalsFor(loadProject(`${fixtures}seed-tree`, { format: 'alembic' }), 'heads', []);
    expect(refusals).toEqual(expect.arrayContaining([expect.stringMatching(/creates table documents, which is created earlier in the same upgrade/)]));
  });
});
