import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../../src-shared/model/revision';
import { findAnomalies } from '../../../../src-shared/graph/anomalies';
import { appliedWithAncestors, planDowngrade, planUpgrade } from '../../../../src-shared/graph/planner';
import type { RevisionGraph } from '../../../../src-shared/graph/revisionGraph';
import { graphOf, rev } from '../../../support/revisions';

// a ─┬─ b ── d ─┐
//    └─ c ───────┴─ m (merge) ── n        p (own root, plugins) ── q (depends on c)
const graph = graphOf(
  rev('a'),
  rev('b', ['a']),
  rev('c', ['a']),
  rev('d', ['b']),
  rev('m', ['d', 'c']),
  rev('n', ['m']),
  rev('p', [], { branchLabels: ['plugins'] }),
  rev('q', ['p'], { dependsOn: ['c'] }),
);
const ids = (plan: Plan) => plan.steps.map((s) => s.revision);
const none = new Set<string>();

function expectParentsFirst(g: RevisionGraph, order: string[]): void {
  order.forEach((id, i) => {
    const below = [...(g.byId.get(id)?.parents ?? []), ...(g.dependencies.get(id) ?? [])];
    for (const p of below) if (order.includes(p)) expect(order.indexOf(p), `${p} before ${id}`).toBeLessThan(i);
  });
}

describe('upgrade plans', () => {
  it('from an empty database runs every ancestor of the target, parents always first', () => {
    const plan = planUpgrade(graph, 'n', none);
    expect(ids(plan).sort()).toEqual(['a', 'b', 'c', 'd', 'm', 'n']);
    expectParentsFirst(graph, ids(plan));
    expect(plan.steps.every((s) => s.direction === 'up')).toBe(true);
  });

  it('skips what is applied', () => {
    expect(ids(planUpgrade(graph, 'n', appliedWithAncestors(graph, ['d'])))).toEqual(['c', 'm', 'n']);
  });

  it('runs depends-on revisions of another branch first', () => {
    const order = ids(planUpgrade(graph, 'q', none));
    expect(order.sort()).toEqual(['a', 'c', 'p', 'q']);
    expectParentsFirst(graph, ids(planUpgrade(graph, 'q', none)));
  });

  it('is deterministic', () => {
    expect(planUpgrade(graph, 'heads', none)).toEqual(planUpgrade(graph, 'heads', none));
  });

  it('is empty when the target is applied', () => {
    expect(planUpgrade(graph, 'd', appliedWithAncestors(graph, ['n'])).steps).toEqual([]);
  });
});

describe('plans over a broken project', () => {
  const broken = graphOf(rev('a'), rev('b', ['gone']), rev('c', ['b']), rev('x', ['y']), rev('y', ['x']), rev('z', ['a']));

  it('refuse to run a revision whose parent no file defines', () => {
    expect(() => planUpgrade(broken, 'c', none)).toThrow(
      expect.objectContaining({ code: 'E_INVALID_PROJECT', message: expect.stringContaining('b needs gone') }),
    );
  });

  it('refuse to plan through a cycle, naming it', () => {
    expect(() => planUpgrade(broken, 'x', none)).toThrow(expect.objectContaining({ code: 'E_CYCLE', message: expect.stringContaining('x → y → x') }));
  });

  it('still plan the sound part of the project', () => {
    expect(ids(planUpgrade(broken, 'z', none))).toEqual(['a', 'z']);
  });

  it('run a revision that names the same parent twice, instead of refusing it as a cycle of nothing', () => {
    const twice = graphOf(rev('a'), rev('b', ['a', 'a']));
    expect(ids(planUpgrade(twice, 'heads', none))).toEqual(['a', 'b']);
    expect(findAnomalies(twice).map((a) => a.kind)).not.toContain('cycle');
  });
});

describe('a cycle no head builds on', () => {
  // a → c → b → a (each arrow points at the parent), beside a sound root d: d is the only head.
  const looped = graphOf(rev('a', ['c']), rev('b', ['a']), rev('c', ['b']), rev('d'));

  it('blocks `heads` and `head`, naming the cycle, instead of reporting the project up to date at d', () => {
    for (const target of ['heads', 'head']) {
      expect(() => planUpgrade(looped, target, none)).toThrow(expect.objectContaining({ code: 'E_CYCLE', message: expect.stringContaining('a → c → b → a') }));
    }
  });

  it('blocks it from a database already at d too', () => {
    expect(() => planUpgrade(looped, 'heads', appliedWithAncestors(looped, ['d']))).toThrow(expect.objectContaining({ code: 'E_CYCLE' }));
  });

  it('leaves a plan that does not touch it alone', () => {
    expect(ids(planUpgrade(looped, 'd', none))).toEqual(['d']);
  });
});

describe('relative targets from several applied heads', () => {
  const atTwoHeads = appliedWithAncestors(graph, ['n', 'q']);

  it('refuse `-1` instead of stepping back from one head picked silently, naming the form to use', () => {
    expect(() => planDowngrade(graph, '-1', atTwoHeads)).toThrow(
      expect.objectContaining({ code: 'E_AMBIGUOUS_REVISION', message: expect.stringMatching(/2 heads \(n, q\).*"n-1", "q-1"/) }),
    );
  });

  it('refuse `+2` the same way', () => {
    const atTwoBranchHeads = appliedWithAncestors(graph, ['d', 'c']);
    expect(() => planUpgrade(graph, '+2', atTwoBranchHeads)).toThrow(
      expect.objectContaining({ code: 'E_AMBIGUOUS_REVISION', message: expect.stringContaining('"d+2"') }),
    );
  });

  it('accept the form the refusal names', () => {
    expect(ids(planDowngrade(graph, 'n-1', atTwoHeads))).toEqual(['n']);
    expect(ids(planDowngrade(graph, 'q-1', atTwoHeads))).toEqual(['q']);
  });
});

describe('downgrade plans', () => {
  const all = appliedWithAncestors(graph, ['n', 'q']);

  it('reverts the applied descendants of the target, children always first', () => {
    const plan = planDowngrade(graph, 'b', all);
    expect(ids(plan)).toEqual(['n', 'm', 'd']);
    expect(plan.steps.every((s) => s.direction === 'down')).toBe(true);
  });

  it('reverts what depends on a reverted revision too', () => {
    const order = ids(planDowngrade(graph, 'a', all));
    expect([...order].sort()).toEqual(['b', 'c', 'd', 'm', 'n', 'q']);
    expect(order.indexOf('q')).toBeLessThan(order.indexOf('c'));
    expect(order.indexOf('m')).toBeLessThan(order.indexOf('c'));
  });

  it('`base` reverts everything applied', () => {
    expect(ids(planDowngrade(graph, 'base', all)).sort()).toEqual(['a', 'b', 'c', 'd', 'm', 'n', 'p', 'q']);
  });

  it('`label@base` unwinds only that branch when there are several roots', () => {
    expect(ids(planDowngrade(graph, 'plugins@base', all))).toEqual(['q', 'p']);
  });

  it('`-1` steps back from the applied head', () => {
    expect(ids(planDowngrade(graph, '-1', appliedWithAncestors(graph, ['n'])))).toEqual(['n']);
  });

  it('refuses a target above what is applied', () => {
    expect(() => planDowngrade(graph, 'n', appliedWithAncestors(graph, ['b']))).toThrow(expect.objectContaining({ code: 'E_INVALID_TARGET' }));
  });
});
