import { describe, expect, it } from 'vitest';
import { bindingOwnership, boundGraphAnomalies } from '../../../../src-shared/projects/bindingOwnership';
import { graphOf, rev } from '../../../support/revisions';

// Seed 004: auth and specs, each its own chain, each labelled at its root.
const twoChains = () =>
  graphOf(rev('a1', [], { branchLabels: ['auth'] }), rev('a2', ['a1']), rev('s1', [], { branchLabels: ['specs'] }), rev('s2', ['s1']), rev('s3', ['s2']));
const bindings = [
  { label: 'auth', role: 'auth' },
  { label: 'specs', role: 'specs' },
];

describe('bindingOwnership', () => {
  it('puts each revision on the database of the label it carries or inherits along its chain', () => {
    const ownership = bindingOwnership(twoChains(), bindings);
    expect(ownership.anomalies).toEqual([]);
    expect(ownership.databases).toEqual([
      { role: 'auth', labels: ['auth'], revisions: ['a1', 'a2'], heads: ['a2'] },
      { role: 'specs', labels: ['specs'], revisions: ['s1', 's2', 's3'], heads: ['s3'] },
    ]);
    expect(ownership.owner.get('s2')).toBe('specs');
  });

  it('reports a revision on no bound branch instead of placing it anywhere', () => {
    const graph = graphOf(rev('a1', [], { branchLabels: ['auth'] }), rev('x1', []), rev('x2', ['x1']));
    const ownership = bindingOwnership(graph, [{ label: 'auth', role: 'auth' }]);
    expect(ownership.owner.has('x1')).toBe(false);
    expect(ownership.anomalies).toEqual([
      expect.objectContaining({ kind: 'unbound', revisions: ['x1', 'x2'], message: expect.stringContaining('2 revisions (x1, x2) are on no bound branch') }),
    ]);
  });

  it('reports a merge of two bound branches as living on two databases, and what builds on another database', () => {
    const graph = graphOf(
      rev('a1', [], { branchLabels: ['auth'] }),
      rev('s1', [], { branchLabels: ['specs'] }),
      rev('m', ['a1', 's1']),
      rev('s2', ['s1'], { dependsOn: ['a1'] }),
    );
    const ownership = bindingOwnership(graph, bindings);
    const kinds = ownership.anomalies.map((a) => [a.kind, a.revisions]);
    expect(kinds).toContainEqual(['twoDatabases', ['m']]);
    expect(kinds).toContainEqual(['crossDatabase', ['s2', 'a1']]);
    expect(ownership.owner.has('m')).toBe(false);
  });

  it('binds a version location by the folder of the files, and says a binding that names nothing', () => {
    const graph = graphOf(rev('a1', [], { file: 'auth/a1.py' }), rev('s1', [], { file: 'specs/s1.py' }));
    const ownership = bindingOwnership(graph, [
      { label: 'auth/', role: 'auth' },
      { label: './specs', role: 'specs' },
      { label: 'billing', role: 'billing' },
    ]);
    expect(ownership.owner.get('a1')).toBe('auth');
    expect(ownership.owner.get('s1')).toBe('specs');
    expect(ownership.anomalies).toEqual([expect.objectContaining({ kind: 'unknownLabel', roles: ['billing'] })]);
  });

  it('keeps two labels bound to one role on one database', () => {
    const graph = graphOf(rev('a1', [], { branchLabels: ['auth'] }), rev('u1', [], { branchLabels: ['users'] }));
    const ownership = bindingOwnership(graph, [
      { label: 'auth', role: 'main' },
      { label: 'users', role: 'main' },
    ]);
    expect(ownership.databases).toEqual([{ role: 'main', labels: ['auth', 'users'], revisions: ['a1', 'u1'], heads: ['a1', 'u1'] }]);
  });
});

describe('boundGraphAnomalies', () => {
  const graph = graphOf(rev('a1', [], { branchLabels: ['auth'] }), rev('a2', ['a1']), rev('a3', ['a1']), rev('s1', [], { branchLabels: ['specs'] }));
  const heads = (revisions: string[]) => [{ kind: 'multipleHeads', revisions }];

  it('drops several heads when each lives on its own database, and keeps them when two share one', () => {
    const ownership = bindingOwnership(graph, [
      { label: 'auth', role: 'auth' },
      { label: 'specs', role: 'specs' },
    ]);
    expect(boundGraphAnomalies(heads(['a2', 's1']), ownership)).toEqual([]);
    expect(boundGraphAnomalies(heads(['a2', 'a3', 's1']), ownership)).toEqual(heads(['a2', 'a3', 's1']));
    expect(boundGraphAnomalies(heads(['a2', 's1']), bindingOwnership(graph, [{ label: 'auth', role: 'auth' }]))).toEqual(heads(['a2', 's1']));
  });
});
