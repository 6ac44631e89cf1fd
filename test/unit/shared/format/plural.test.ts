import { describe, expect, it } from 'vitest';
import { countOf, nounFor } from '../../../../src-shared/format/plural';

describe('a count and its noun', () => {
  it('agrees: "1 session", "2 sessions", "0 tables", never "session(s)"', () => {
    expect(countOf(1, 'session')).toBe('1 session');
    expect(countOf(2, 'session')).toBe('2 sessions');
    expect(countOf(0, 'table')).toBe('0 tables');
  });

  it('groups thousands and takes an irregular plural', () => {
    expect(countOf(1204, 'row')).toBe('1,204 rows');
    expect(countOf(3, 'index', 'indexes')).toBe('3 indexes');
  });

  it('gives the noun alone for a number shown apart from it: "1" table, "3" rows', () => {
    expect(nounFor(1, 'table')).toBe('table');
    expect(nounFor(3, 'row')).toBe('rows');
  });
});
