// A database's rehearsal in brief, as a promotion's record and a rollout's row keep it: the failure's
// file and line read from the rehearsal's error, and each state said in words.
import { describe, expect, it } from 'vitest';
import type { Rehearsal } from '../../../src-shared/model/rehearsal';
import { rehearsalOutcomeOf, rehearsalOutcomeSentence } from '../../../src-shared/model/rehearsalOutcome';

const rehearsal = (failure?: Rehearsal['failure']): Rehearsal => ({
  request: { action: 'upgrade', to: 's2' },
  target: 'prod_specs',
  ok: failure === undefined,
  ...(failure ? { failure } : {}),
  steps: [],
  totalMs: 120,
  clone: { how: 'template', description: 'a template copy' },
  locks: [],
  locksNote: '',
  schemaChange: null,
  at: '2026-12-02T15:40:01.000Z',
  planFingerprint: 'p',
  schemaFingerprint: 's',
});

describe('a rehearsal in brief', () => {
  it('keeps where the plan failed on the clone and says it with the server’s words', () => {
    const failed = rehearsalOutcomeOf({
      state: 'failed',
      rehearsal: rehearsal({
        code: 'E_MIGRATION_FAILED',
        message: 's2 failed at 004_s2.sql:6:1: poisoned',
        detail: { revision: 's2', file: '004_s2.sql', line: 6, column: 1 },
      }),
    });
    expect(failed).toEqual({
      state: 'failed',
      at: '2026-12-02T15:40:01.000Z',
      totalMs: 120,
      clone: 'template',
      failure: { code: 'E_MIGRATION_FAILED', message: 's2 failed at 004_s2.sql:6:1: poisoned', revision: 's2', file: '004_s2.sql', line: 6, column: 1 },
    });
    expect(rehearsalOutcomeSentence(failed)).toBe('failed on the clone at 004_s2.sql:6:1 (s2): s2 failed at 004_s2.sql:6:1: poisoned');
  });

  it('says each other state, a skip with its reason', () => {
    expect(rehearsalOutcomeSentence(rehearsalOutcomeOf({ state: 'rehearsed', rehearsal: rehearsal() }))).toBe('rehearsed ✓ on a clone in 120 ms');
    expect(rehearsalOutcomeSentence(rehearsalOutcomeOf({ state: 'reused', rehearsal: rehearsal() }))).toMatch(
      /^rehearsed ✓ \d Dec 2026, .+ \(same plan, same schema: not rehearsed again\)$/,
    );
    expect(rehearsalOutcomeSentence(rehearsalOutcomeOf({ state: 'skipped' }, '--no-rehearse given'))).toBe('not rehearsed: --no-rehearse given');
    expect(rehearsalOutcomeSentence({ state: 'notStarted' })).toBe("not rehearsed: an earlier database's rehearsal failed");
    expect(rehearsalOutcomeSentence({ state: 'rehearsing' })).toBe('rehearsing on a clone…');
    expect(rehearsalOutcomeSentence({ state: 'nothing' })).toBe('nothing to rehearse');
  });
});
