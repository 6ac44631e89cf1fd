import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../../src-main/migrations/project';
import { findAnomalies } from '../../../../src-shared/graph/anomalies';
import { fixtures, graphOf, rev } from '../../../support/revisions';

describe('anomalies are data with a file and line', () => {
  const project = loadProject(`${fixtures}alembic-broken`);
  const byKind = (kind: string) => project.anomalies.filter((a) => a.kind === kind);

  it('reports a duplicate revision id with both files', () => {
    expect(byKind('duplicateRevision')).toEqual([
      expect.objectContaining({ file: 'versions/03_dup.py', line: 2, revisions: ['c0000002'], message: expect.stringContaining('versions/02_child.py:2') }),
    ]);
  });

  it('reports a missing parent and the revisions hanging from it', () => {
    expect(byKind('missingParent')).toEqual([
      expect.objectContaining({ file: 'versions/04_orphan.py', revisions: ['orphan03', 'above004'], message: expect.stringContaining('gone0000') }),
    ]);
  });

  it('reports a cycle and lists it', () => {
    expect(byKind('cycle')).toEqual([
      expect.objectContaining({ revisions: ['loopaaaa', 'loopbbbb'], message: expect.stringContaining('loopaaaa → loopbbbb → loopaaaa') }),
    ]);
  });

  it('reports the extra root, more than one head, two merges over the same parents, and a label used twice', () => {
    expect(byKind('extraRoot')).toEqual([expect.objectContaining({ file: 'versions/11_stray_root.py', revisions: ['stray011'] })]);
    expect(byKind('multipleHeads')[0]?.revisions).toEqual(['above004', 'merge009', 'merge010', 'stray011', 'calc0012']);
    expect(byKind('duplicateMerge')[0]?.revisions).toEqual(['merge009', 'merge010']);
    expect(byKind('duplicateLabel')).toEqual([expect.objectContaining({ file: 'versions/08_side.py', revisions: ['c0000002', 'side0008'] })]);
  });

  it('reports unreadable files with the reason', () => {
    expect(byKind('unreadableFile').map((a) => a.message)).toEqual([expect.stringContaining('not an Alembic revision file')]);
  });

  it('keeps a revision whose down_revision names a constant it cannot resolve, says so, and does not call it a second root', () => {
    expect(byKind('unresolvedHeader')).toEqual([
      expect.objectContaining({ file: 'versions/12_unreadable.py', line: 3, revisions: ['calc0012'], message: expect.stringContaining('PREVIOUS_REVISION') }),
    ]);
    expect(project.graph.byId.has('calc0012')).toBe(true);
    expect(byKind('extraRoot').flatMap((a) => a.revisions)).not.toContain('calc0012');
  });

  it('reports revisions a database records that no file defines', () => {
    const graph = graphOf(rev('a'));
    expect(findAnomalies(graph, [], ['a', 'ffff'])).toEqual([
      { kind: 'unknownApplied', message: expect.stringContaining('ffff'), file: null, line: null, revisions: ['ffff'] },
    ]);
  });

  it('does not call a labelled independent root an extra root', () => {
    const graph = graphOf(rev('a'), rev('b', ['a']), rev('x', [], { branchLabels: ['plugins'] }));
    expect(findAnomalies(graph).filter((a) => a.kind === 'extraRoot')).toEqual([]);
  });
});
