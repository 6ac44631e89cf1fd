import { describe, expect, it } from 'vitest';
import { bindingOwnership } from '../../../../src-shared/projects/bindingOwnership';
import { boundPlan } from '../../../../src-shared/projects/bindingPlan';
import { graphOf, rev } from '../../../support/revisions';

const graph = graphOf(
  rev('a1aaaa', [], { branchLabels: ['auth'] }),
  rev('a2aaaa', ['a1aaaa']),
  rev('s1ssss', [], { branchLabels: ['specs'] }),
  rev('s2ssss', ['s1ssss']),
);
const ownership = bindingOwnership(graph, [
  { label: 'auth', role: 'auth' },
  { label: 'specs', role: 'specs' },
]);
const targets = (action: 'upgrade' | 'downgrade', to: string) => boundPlan(graph, ownership, action, to).databases.map((d) => [d.role, d.targets]);

describe('boundPlan', () => {
  it('splits heads into each database’s own heads, in the bindings’ order', () => {
    expect(targets('upgrade', 'heads')).toEqual([
      ['auth', ['a2aaaa']],
      ['specs', ['s2ssss']],
    ]);
  });

  it('reverts to base on every database, the last bound first', () => {
    expect(targets('downgrade', 'base')).toEqual([
      ['specs', ['base']],
      ['auth', ['base']],
    ]);
  });

  it('runs a branch’s target or a revision only on its own database', () => {
    expect(targets('upgrade', 'auth@head')).toEqual([
      ['auth', ['auth@head']],
      ['specs', []],
    ]);
    expect(targets('downgrade', 'specs@-1')).toEqual([
      ['specs', ['specs@-1']],
      ['auth', []],
    ]);
    expect(targets('upgrade', 's2ss')).toEqual([
      ['auth', []],
      ['specs', ['s2ss']],
    ]);
    expect(targets('upgrade', 'a1aaaa+1')).toEqual([
      ['auth', ['a1aaaa+1']],
      ['specs', []],
    ]);
  });

  it('refuses a relative step that does not name the database’s branch', () => {
    expect(() => boundPlan(graph, ownership, 'downgrade', '-1')).toThrow(/"-1" does not say which database to step on.*"auth@-1", "specs@-1"/);
  });

  it('refuses an unknown revision, and any plan while a revision cannot be placed on one database', () => {
    expect(() => boundPlan(graph, ownership, 'upgrade', 'zzzz')).toThrow(expect.objectContaining({ code: 'E_UNKNOWN_REVISION' }));
    const merged = graphOf(rev('a1', [], { branchLabels: ['auth'] }), rev('s1', [], { branchLabels: ['specs'] }), rev('m', ['a1', 's1']));
    const broken = bindingOwnership(merged, [
      { label: 'auth', role: 'auth' },
      { label: 'specs', role: 'specs' },
    ]);
    expect(() => boundPlan(merged, broken, 'upgrade', 'heads')).toThrow(
      expect.objectContaining({ code: 'E_BINDING_ANOMALY', message: expect.stringContaining('Revision m is on the branches of 2 databases') }),
    );
  });

  it('refuses head when one database has several heads, naming them', () => {
    const forked = graphOf(rev('a1', [], { branchLabels: ['auth'] }), rev('a2', ['a1']), rev('a3', ['a1']));
    const one = bindingOwnership(forked, [{ label: 'auth', role: 'auth' }]);
    expect(() => boundPlan(forked, one, 'upgrade', 'head')).toThrow(/"head" is ambiguous on the auth database: it has 2 heads \(a2, a3\)/);
    expect(boundPlan(forked, one, 'upgrade', 'heads').databases[0]?.targets).toEqual(['a2', 'a3']);
  });
});
