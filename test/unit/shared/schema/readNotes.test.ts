// How a schema read went otherwise than planned (its model's notes) is said wherever its result is
// shown: the drift report's lines, the check after a run (its summary counts them, its lines say them),
// and a rehearsal's schema change (with what its reads of the clone could not model).
import { describe, expect, it } from 'vitest';
import type { DriftReport } from '../../../../src-shared/model/drift';
import { noExclusions } from '../../../../src-shared/model/drift';
import { rehearsalReadLines } from '../../../../src-shared/model/rehearsal';
import { schemaCheckLines, schemaCheckSummary } from '../../../../src-shared/model/schemaCheck';
import { driftNoteLines, driftUnreadLines } from '../../../../src-shared/schema/driftText';
import { diffSchemas } from '../../../../src-shared/schema/schemaDiff';
import { model } from '../../../support/schemaModels';

const note = 'Read on one connection instead of 3: 2 other sessions could not join it (sorry, too many clients already).';

function report(patch: Partial<DriftReport> = {}): DriftReport {
  return {
    connection: 'shop (production)',
    expected: {
      revisions: ['o2'],
      revisionsFrom: 'what shop has applied',
      replayedIn: 'a scratch database',
      replayedAt: '',
      fromCache: true,
      projectChecksum: '',
      unknownApplied: [],
    },
    objects: [],
    revisions: [],
    otherApplication: [],
    rules: noExclusions,
    unread: { expected: [], actual: [] },
    notes: { expected: [], actual: [] },
    ...patch,
  };
}

describe('notes on a schema read', () => {
  it("drift says the database's note and the replay's, and what either side could not read", () => {
    const noted = report({
      notes: { expected: ['Read on one connection instead of 3: this session cannot open another to share the read.'], actual: [note] },
      unread: { expected: [], actual: [{ object: 'rule "r" on "public"."orders"', reason: 'rules are not modelled' }] },
    });
    expect(driftNoteLines(noted)).toEqual([
      `Note on reading the database: ${note}`,
      "Note on reading what the migrations make (the replay's read): Read on one connection instead of 3: this session cannot open another to share the read.",
    ]);
    expect(driftUnreadLines(noted)).toEqual(['database: rule "r" on "public"."orders": rules are not modelled']);
    expect(driftNoteLines(report())).toEqual([]);
  });

  it('the check after a run counts the notes in its summary and says each in its lines, also when nothing differs', () => {
    const check = { checked: true as const, report: report({ notes: { expected: [], actual: [note] } }), ms: 12 };
    expect(schemaCheckSummary(check)).toBe(
      'Schema checked: what the migrations make at o2, column by column (12 ms, replay cached; 1 note on the read below).',
    );
    expect(schemaCheckLines(check)).toEqual([`Note on reading the database: ${note}`]);
    const clean = { checked: true as const, report: report(), ms: 12 };
    expect(schemaCheckSummary(clean)).toBe('Schema checked: what the migrations make at o2, column by column (12 ms, replay cached).');
    expect(schemaCheckLines(clean)).toEqual([]);
  });

  it("a rehearsal's schema change says what its reads of the clone could not model and how they went", () => {
    const before = { ...model([]), notes: [note] };
    const after = { ...model([]), unread: [{ object: 'rule "r" on "public"."orders"', reason: 'rules are not modelled' }] };
    expect(rehearsalReadLines({ schemaChange: diffSchemas(before, after) })).toEqual([
      'not read: the clone after the plan: rule "r" on "public"."orders" — rules are not modelled',
      `Note on reading the clone before the plan: ${note}`,
    ]);
    // Recorded before notes were kept, or no schema change at all: nothing to say.
    expect(rehearsalReadLines({ schemaChange: { equal: true, groups: [], unread: { from: [], to: [] } } })).toEqual([]);
    expect(rehearsalReadLines({ schemaChange: null })).toEqual([]);
  });
});
