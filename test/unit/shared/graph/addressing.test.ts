import { describe, expect, it } from 'vitest';
import { resolveDowngradeTarget, resolveUpgradeTarget } from '../../../../src-shared/graph/addressing';
import { graphOf, rev } from '../../../support/revisions';

// aaaa1111 ─┬─ bbbb2222 ── cccc4444
//           └─ bbbb3333 (rbac) ── dddd5555
const graph = graphOf(
  rev('aaaa1111'),
  rev('bbbb2222', ['aaaa1111']),
  rev('bbbb3333', ['aaaa1111'], { branchLabels: ['rbac'] }),
  rev('cccc4444', ['bbbb2222']),
  rev('dddd5555', ['bbbb3333']),
);
const up = (target: string, current: string[] = []) => resolveUpgradeTarget(graph, target, current);
const down = (target: string, current: string[]) => resolveDowngradeTarget(graph, target, current);

describe('absolute targets', () => {
  it('refuses `head` when there are several heads, naming them', () => {
    expect(() => up('head')).toThrow(expect.objectContaining({ code: 'E_MULTIPLE_HEADS', message: expect.stringContaining('cccc4444, dddd5555') }));
  });

  it('`heads` is every head, `base` is nothing', () => {
    expect(up('heads')).toEqual(['cccc4444', 'dddd5555']);
    expect(up('base')).toEqual([]);
  });

  it('accepts a unique prefix and lists the candidates of an ambiguous one', () => {
    expect(up('cccc')).toEqual(['cccc4444']);
    expect(() => up('bbbb')).toThrow(expect.objectContaining({ code: 'E_AMBIGUOUS_REVISION', message: expect.stringContaining('bbbb2222, bbbb3333') }));
  });

  it('explains an unknown revision, asking for four characters when fewer were given', () => {
    expect(() => up('zz')).toThrow(expect.objectContaining({ code: 'E_UNKNOWN_REVISION', message: expect.stringContaining('four characters') }));
  });

  it('`label@head` and `rev@head` pick the head of that branch', () => {
    expect(up('rbac@head')).toEqual(['dddd5555']);
    expect(up('bbbb2222@head')).toEqual(['cccc4444']);
    expect(() => up('aaaa1111@head')).toThrow(expect.objectContaining({ code: 'E_MULTIPLE_HEADS' }));
  });

  it('a label alone names the revision that declares it', () => {
    expect(up('rbac')).toEqual(['bbbb3333']);
  });

  it('`label@rev` refuses a revision off that branch', () => {
    expect(() => up('rbac@cccc4444')).toThrow(expect.objectContaining({ code: 'E_UNKNOWN_REVISION', message: expect.stringContaining('not on branch') }));
  });

  it('`label@base` downgrades that branch to base', () => {
    expect(down('rbac@base', ['dddd5555'])).toEqual({ revision: null, branch: 'rbac' });
  });
});

describe('relative targets', () => {
  it('`+N` walks up from the applied head, and stops at a fork', () => {
    expect(up('+1')).toEqual(['aaaa1111']);
    expect(() => up('+2')).toThrow(expect.objectContaining({ code: 'E_INVALID_TARGET', message: expect.stringContaining('fork') }));
    expect(up('+1', ['bbbb2222'])).toEqual(['cccc4444']);
  });

  it('`label@+N` walks up along that branch only', () => {
    expect(up('rbac@+2')).toEqual(['bbbb3333']);
    expect(up('rbac@+1', ['cccc4444'])).toEqual(['bbbb3333']);
  });

  it('`rev+N` walks up from that revision; walking past the top is an error', () => {
    expect(up('bbbb2222+1')).toEqual(['cccc4444']);
    expect(() => up('bbbb2222+2')).toThrow(expect.objectContaining({ code: 'E_INVALID_TARGET' }));
  });

  it('`-N` is not an upgrade target', () => {
    expect(() => up('-1', ['cccc4444'])).toThrow(expect.objectContaining({ code: 'E_INVALID_TARGET' }));
  });

  it('`-N` walks down from the applied head; `rev-N` from that revision', () => {
    expect(down('-1', ['cccc4444'])).toEqual({ revision: 'bbbb2222', branch: 'cccc4444' });
    expect(down('cccc4444-2', [])).toEqual({ revision: 'aaaa1111', branch: null });
    expect(down('-3', ['cccc4444'])).toEqual({ revision: null, branch: 'cccc4444' });
  });

  it('`label@-N` walks down from the applied revision on that branch', () => {
    expect(down('rbac@-1', ['cccc4444', 'dddd5555'])).toEqual({ revision: 'bbbb3333', branch: 'rbac' });
  });

  it('`-N` with nothing applied is an error', () => {
    expect(() => down('-1', [])).toThrow(expect.objectContaining({ code: 'E_INVALID_TARGET' }));
  });
});
