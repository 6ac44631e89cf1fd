// Which revisions a squash takes: a straight line of parents, refused at a merge, a branch point, a
// depends-on, or two revisions that are not a run at all.
import { describe, expect, it } from 'vitest';
import { squashRun } from '../../../src-main/authoring/squashRun';
import { graphOf, rev } from '../../support/revisions';

describe('squashRun', () => {
  it('takes FIRST..LAST parents first, with FIRST’s parent, LAST’s children and the run’s branch labels', () => {
    const graph = graphOf(rev('a'), rev('b', ['a'], { branchLabels: ['core'] }), rev('c', ['b']), rev('d', ['c']), rev('e', ['d']), rev('f', ['d']));
    expect(squashRun(graph, 'b', 'd')).toEqual({ revisions: ['b', 'c', 'd'], parent: 'a', children: ['e', 'f'], branchLabels: ['core'] });
    expect(squashRun(graph, 'a', 'b')).toMatchObject({ revisions: ['a', 'b'], parent: null, children: ['c'] });
  });

  it('refuses a branch point inside the run, naming its children', () => {
    const graph = graphOf(rev('a'), rev('b', ['a']), rev('c', ['b']), rev('x', ['b']));
    expect(() => squashRun(graph, 'a', 'c')).toThrow(
      expect.objectContaining({ code: 'E_SQUASH_NOT_LINEAR', message: expect.stringContaining('b is a branch point (children c, x)') }),
    );
  });

  it('refuses a merge inside the run, and FIRST..LAST that are not a line of parents', () => {
    const graph = graphOf(rev('a'), rev('b'), rev('m', ['a', 'b']), rev('n', ['m']));
    expect(() => squashRun(graph, 'a', 'n')).toThrow(
      expect.objectContaining({ code: 'E_SQUASH_NOT_LINEAR', message: expect.stringContaining('m is a merge') }),
    );
    expect(() => squashRun(graph, 'b', 'a')).toThrow(
      expect.objectContaining({ code: 'E_SQUASH_NOT_LINEAR', message: expect.stringContaining('b is not an ancestor of a') }),
    );
  });

  it('refuses a revision a depends-on points at from outside the run', () => {
    const graph = graphOf(rev('a'), rev('b', ['a']), rev('c', ['b']), rev('z', [], { dependsOn: ['b'] }));
    expect(() => squashRun(graph, 'a', 'c')).toThrow(
      expect.objectContaining({ code: 'E_SQUASH_NOT_LINEAR', message: expect.stringContaining('b takes part in a depends-on (z)') }),
    );
  });
});
