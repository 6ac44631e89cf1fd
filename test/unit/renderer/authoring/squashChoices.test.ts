// The runs the Squash dialog offers for the selected revision: itself, then its ancestors through
// single parents, nearest first, stopping at a merge or a root.
import { describe, expect, it } from 'vitest';
import { runStarts } from '../../../../src-renderer/features/authoring/squashChoices';

const revisions = [
  { id: 'a', parents: [] },
  { id: 'b', parents: ['a'] },
  { id: 'c', parents: ['b'] },
  { id: 'x', parents: ['a'] },
  { id: 'm', parents: ['c', 'x'] },
  { id: 'n', parents: ['m'] },
  { id: 'o', parents: ['n'] },
];

describe('the runs a squash can start from', () => {
  it('walks back through single parents to the root, the branch point on the way included', () => {
    expect(runStarts(revisions, 'c')).toEqual(['c', 'b', 'a']);
  });

  it('stops at a merge, whose parents no straight line goes through', () => {
    expect(runStarts(revisions, 'o')).toEqual(['o', 'n', 'm']);
    expect(runStarts(revisions, 'm')).toEqual(['m']);
  });

  it('offers nothing for a revision the graph does not hold', () => {
    expect(runStarts(revisions, 'gone')).toEqual([]);
  });
});
