import { describe, expect, it } from 'vitest';
import { findAnomalies } from '../../../../src-shared/graph/anomalies';
import { loadProject } from '../../../../src-main/migrations/project';
import { fixtures, graphOf, rev } from '../../../support/revisions';

describe('the revision graph', () => {
  const graph = graphOf(
    rev('a'),
    rev('b', ['a']),
    rev('c', ['a']),
    rev('d', ['b', 'c']),
    rev('e', ['d']),
    rev('f', ['d']),
    rev('g', [], { dependsOn: ['e'] }),
  );

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
    const merged = graphOf(rev('a'), rev('b', ['a'], { branchLabels: ['x'] }), rev('c', ['a'], { branchLabels: ['y'] }), rev('d', ['b', 'c']), rev('e', ['d']), rev('f', ['d', 'e']));
    expect(merged.onBranches.get('e')).toEqual(['x', 'y']);
    expect(merged.onBranches.get('f')).toEqual(['x', 'y']);
  });

  it('resolves depends_on naming a branch label', () => {
    const g = graphOf(rev('a', [], { branchLabels: ['core'] }), rev('b', [], { dependsOn: ['core'] }));
    expect(g.dependencies.get('b')).toEqual(['a']);
  });
});

describe('anomalies are data with a file and line', () => {
  const project = loadProject(`${fixtures}alembic-broken`);
  const byKind = (kind: string) => project.anomalies.filter((a) => a.kind === kind);

  it('reports a duplicate revision id with both files', () => {
    expect(byKind('duplicateRevision')).toEqual([
      expect.objectContaining({ file: 'versions/03_dup.py', line: 2, revisions: ['c0000002'], message: expect.stringContaining('versions/02_child.py:2') }),
    ]);
  });

  it('reports a missing parent and the revisions hanging from it', () => {
    expect(byKind('missingParent')).toEqual([expect.objectContaining({ file: 'versions/04_orphan.py', revisions: ['orphan03', 'above004'], message: expect.stringContaining('gone0000') })]);
  });

  it('reports a cycle and lists it', () => {
    expect(byKind('cycle')).toEqual([expect.objectContaining({ revisions: ['loopaaaa', 'loopbbbb'], message: expect.stringContaining('loopaaaa → loopbbbb → loopaaaa') })]);
  });

  it('reports the extra root, more than one head, two merges over the same parents, and a label used twice', () => {
    expect(byKind('extraRoot')).toEqual([expect.objectContaining({ file: 'versions/11_stray_root.py', revisions: ['stray011'] })]);
    expect(byKind('multipleHeads')[0]?.revisions).toEqual(['above004', 'merge009', 'merge010', 'stray011']);
    expect(byKind('duplicateMerge')[0]?.revisions).toEqual(['merge009', 'merge010']);
    expect(byKind('duplicateLabel')).toEqual([expect.objectContaining({ file: 'versions/08_side.py', revisions: ['c0000002', 'side0008'] })]);
  });

  it('reports unreadable files with the reason', () => {
    expect(byKind('unreadableFile').map((a) => a.message)).toEqual([expect.stringContaining('not a literal'), expect.stringContaining('not an Alembic revision file')]);
  });

  it('reports revisions a database records that no file defines', () => {
    const graph = graphOf(rev('a'));
    expect(findAnomalies(graph, [], ['a', 'ffff'])).toEqual([{ kind: 'unknownApplied', message: expect.stringContaining('ffff'), file: null, line: null, revisions: ['ffff'] }]);
  });

  it('does not call a labelled independent root an extra root', () => {
    const graph = graphOf(rev('a'), rev('b', ['a']), rev('x', [], { branchLabels: ['plugins'] }));
    expect(findAnomalies(graph).filter((a) => a.kind === 'extraRoot')).toEqual([]);
  });
});

describe("the seeds' tree (000): a dozen branches and a stray root", () => {
  const project = loadProject(`${fixtures}seed-tree`);

  it('shows its heads', () => {
    expect([...project.graph.heads].sort()).toEqual([
      '001_add_tenant_id_fields',
      '006_add_rbac_tables',
      '007_add_audit_integrity_support',
      '012_add_admin_config',
      '20260113_mtw',
      '20260113_security',
      'cf61a2f229a1',
      'sync_pipeline_001',
      'text_to_sql_001',
      'version_lineage_002',
    ]);
  });

  it('flags the down_revision = None slip as an extra root, at its file', () => {
    expect(project.anomalies).toContainEqual(expect.objectContaining({ kind: 'extraRoot', revisions: ['001_add_tenant_id_fields'], file: 'alembic/versions/001_add_tenant_id_fields.py' }));
  });
});
