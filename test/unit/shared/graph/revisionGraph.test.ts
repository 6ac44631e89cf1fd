import { describe, expect, it } from 'vitest';
import { parentsFirst, parentsOf } from '../../../../src-shared/graph/revisionGraph';
import { graphOf, rev } from '../../../support/revisions';

describe('the revision graph', () => {
  const graph = graphOf(rev('a'), rev('b', ['a']), rev('c', ['a']), rev('d', ['b', 'c']), rev('e', ['d']), rev('f', ['d']), rev('g', [], { dependsOn: ['e'] }));

  it('finds heads, bases, branch points and merge points as Alembic defines them', () => {
    expect(graph.heads).toEqual(['e', 'f', 'g']);
    expect(graph.bases).toEqual(['a', 'g']);
    expect(graph.branchPoints).toEqual(['a', 'd']);
    expect(graph.mergePoints).toEqual(['d']);
  });

  it('calls a head that only a depends_on points at an effective head, as `alembic heads` does', () => {
    expect(graph.effectiveHeads).toEqual(['e']);
    expect(graph.realHeads).toEqual(['f', 'g']);
  });

  it('spreads a branch label to descendants and down to the branch point, not past it', () => {
    const labelled = graphOf(rev('a'), rev('b', ['a']), rev('c', ['b'], { branchLabels: ['feature'] }), rev('d', ['c']), rev('x', ['a']));
    expect(labelled.onBranches.get('d')).toEqual(['feature']);
    expect(labelled.onBranches.get('b')).toEqual(['feature']);
    expect(labelled.onBranches.get('a')).toBeUndefined();
    expect(labelled.onBranches.get('x')).toBeUndefined();
  });

  it('carries each label once through merges of labelled branches', () => {
    const merged = graphOf(
      rev('a'),
      rev('b', ['a'], { branchLabels: ['x'] }),
      rev('c', ['a'], { branchLabels: ['y'] }),
      rev('d', ['b', 'c']),
      rev('e', ['d']),
      rev('f', ['d', 'e']),
    );
    expect(merged.onBranches.get('e')).toEqual(['x', 'y']);
    expect(merged.onBranches.get('f')).toEqual(['x', 'y']);
  });

  it('spreads a label round a cycle once and stops, so the cycle can be reported (it never returned)', () => {
    const looped = graphOf(rev('p', ['q'], { branchLabels: ['x'] }), rev('q', ['p']));
    expect(looped.onBranches.get('p')).toEqual(['x']);
    expect(looped.onBranches.get('q')).toEqual(['x']);
    expect(looped.topological).toEqual([]);
  });

  it('resolves depends_on naming a branch label', () => {
    const g = graphOf(rev('a', [], { branchLabels: ['core'] }), rev('b', [], { dependsOn: ['core'] }));
    expect(g.dependencies.get('b')).toEqual(['a']);
  });

  it('counts a parent named twice as one edge, and a missing one named twice as one missing parent', () => {
    const g = graphOf(rev('a'), rev('b', ['a', 'a']), rev('c', ['b', 'gone', 'gone']));
    expect(g.children.get('a')).toEqual(['b']);
    expect(g.mergePoints).toEqual(['b', 'c']);
    expect(g.missing).toEqual([{ revision: 'c', missing: 'gone', via: 'parent' }]);
  });

  it('gives the parents that exist, in declared order', () => {
    const g = graphOf(rev('a'), rev('b'), rev('m', ['b', 'gone', 'a']));
    expect(parentsOf(g, 'm')).toEqual(['b', 'a']);
    expect(parentsOf(g, 'a')).toEqual([]);
    expect(parentsOf(g, 'unknown')).toEqual([]);
  });

  it('orders parents and depends-on first, keeps the reading order otherwise, and leaves a cycle and what stands on it out', () => {
    const g = graphOf(rev('c', ['b']), rev('x', [], { dependsOn: ['c'] }), rev('b', ['a']), rev('a'), rev('p', ['q']), rev('q', ['p']), rev('r', ['q']));
    expect(g.topological).toEqual(['a', 'b', 'c', 'x']);
  });
});

describe('the depth-first walk', () => {
  // a ─┬─ b ── d
  //    └─ c        x (depends on c)
  const graph = graphOf(rev('a'), rev('b', ['a']), rev('c', ['a']), rev('d', ['b']), rev('x', [], { dependsOn: ['c'] }));

  it('takes each start down to where it forks before the next begins, parents first', () => {
    expect(parentsFirst(graph, ['d', 'x'])).toEqual(['a', 'b', 'd', 'c', 'x']);
  });

  it('follows parents only when told to leave depends-on out', () => {
    expect(parentsFirst(graph, ['x', 'd'], { dependencies: false })).toEqual(['x', 'a', 'b', 'd']);
  });

  it('stays within the revisions it is given', () => {
    expect(parentsFirst(graph, ['d', 'x'], { within: new Set(['b', 'd', 'x']) })).toEqual(['b', 'd', 'x']);
  });

  it('ends on a cycle instead of looping, each revision once', () => {
    const looped = graphOf(rev('p', ['q']), rev('q', ['p']));
    expect(parentsFirst(looped, ['p', 'q'])).toEqual(['q', 'p']);
  });
});
