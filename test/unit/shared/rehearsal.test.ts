import { describe, expect, it } from 'vitest';
import { lockModeWords, lockSentence } from '../../../src-shared/model/rehearsal';

describe('locks in plain words', () => {
  it("names PostgreSQL's lock modes as its documentation writes them", () => {
    expect(lockModeWords('AccessExclusiveLock')).toBe('ACCESS EXCLUSIVE');
    expect(lockModeWords('ShareRowExclusiveLock')).toBe('SHARE ROW EXCLUSIVE');
    expect(lockModeWords('RowExclusiveLock')).toBe('ROW EXCLUSIVE');
  });

  it('says what a lock blocks, for how long, and during which revision', () => {
    expect(lockSentence({ table: 'orders', mode: 'ACCESS EXCLUSIVE', revision: '002', heldMs: 2300 })).toBe(
      'ACCESS EXCLUSIVE on orders for 2.3 s (blocks reads and writes), revision 002',
    );
    expect(lockSentence({ table: 'billing.invoices', mode: 'SHARE', revision: '003', heldMs: 40 })).toBe(
      'SHARE on billing.invoices for 40 ms (blocks writes), revision 003',
    );
    expect(lockSentence({ table: 'switchyard_migrations', mode: 'ACCESS SHARE', revision: '', heldMs: 0 })).toBe(
      'ACCESS SHARE on switchyard_migrations briefly (blocks schema changes), while the run planned',
    );
  });
});
