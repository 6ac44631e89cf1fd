// A comparison in words: what was not read (by a reader, or by a replay that met revisions no file
// defines) and how a read went otherwise than planned are said beside the differences; the SQL script marks what destroys and wraps a
// transaction only around statements that do not hold their own.
import { describe, expect, it } from 'vitest';
import type { SchemaComparison } from '../../../../src-shared/model/schemaComparison';
import { comparisonSummary, readNoteLines, schemaComparisonMarkdown, schemaSqlScript, unreadLines } from '../../../../src-shared/schema/schemaComparisonText';

const expected = {
  revisions: ['b2'],
  revisionsFrom: 'what shop has applied',
  replayedIn: 'a temporary file',
  replayedAt: '',
  fromCache: false,
  projectChecksum: '',
};

function comparison(patch: Partial<SchemaComparison> = {}): SchemaComparison {
  return {
    from: { name: 'shop', engine: 'sqlite', readFrom: '/tmp/shop.db' },
    to: { name: "what shop's migrations make", engine: 'sqlite', readFrom: 'a temporary file', expected: { ...expected, unknownApplied: [] } },
    diff: { equal: true, groups: [], unread: { from: [], to: [] } },
    sql: { statements: [], ownTransaction: false, notCovered: [] },
    ...patch,
  };
}

describe('a schema comparison in words', () => {
  it('says the schemas are the same, and what could not be read all the same', () => {
    const unreadFrom = { object: 'virtual table "main"."search"', reason: 'SQLite virtual tables are not modelled' };
    const words = comparison({
      to: { name: "what shop's migrations make", engine: 'sqlite', readFrom: 'x', expected: { ...expected, unknownApplied: ['zz9', 'zz8'] } },
      diff: { equal: true, groups: [], unread: { from: [unreadFrom], to: [] } },
    });
    expect(comparisonSummary(words)).toBe('The schemas are the same.');
    expect(unreadLines(words)).toEqual([
      "what shop's migrations make: 2 revisions recorded as applied that no file of the project defines (zz9, zz8) — what they made is not in it",
      'shop: virtual table "main"."search" — SQLite virtual tables are not modelled',
    ]);
    expect(unreadLines(comparison())).toEqual([]);
  });

  it("says how each side's read went otherwise than planned, in the lines and in the Markdown report, and nothing when it went as planned", () => {
    const note = 'Read on one connection instead of 3: another session could not join it (too many connections).';
    const words = comparison({ diff: { equal: true, groups: [], unread: { from: [], to: [] }, notes: { from: [], to: [note] } } });
    expect(readNoteLines(words)).toEqual([`Note on reading what shop's migrations make: ${note}`]);
    expect(schemaComparisonMarkdown(words, 'now', false)).toContain(`## Notes on the read\n\n- Note on reading what shop's migrations make: ${note}\n`);
    // A rehearsal recorded before notes were kept has none to say.
    expect(readNoteLines(comparison())).toEqual([]);
    expect(schemaComparisonMarkdown(comparison(), 'now', false)).not.toContain('Notes on the read');
  });

  it('writes the script in a transaction, each destructive statement announced, what no statement does at the end', () => {
    const script = schemaSqlScript(
      {
        statements: [
          { sql: 'ALTER TABLE t DROP COLUMN c', object: 'column:"public"."t"."c"', destroys: 'column "public"."t"."c" and its values' },
          { sql: 'CREATE INDEX i ON t (a)', object: 'index:"public"."i"', destroys: null },
        ],
        ownTransaction: false,
        notCovered: [{ object: 'enum:"public"."mood"', reason: 'PostgreSQL cannot remove an enum label' }],
      },
      'shop',
      'reference',
    );
    expect(script.split('\n')).toEqual([
      '-- SQL that makes shop like reference, written by Switchyard. Review it before running it.',
      'BEGIN;',
      '-- DESTRUCTIVE: destroys column "public"."t"."c" and its values',
      'ALTER TABLE t DROP COLUMN c;',
      'CREATE INDEX i ON t (a);',
      'COMMIT;',
      '-- Not carried out by any statement: enum:"public"."mood": PostgreSQL cannot remove an enum label',
      '',
    ]);
    expect(schemaSqlScript({ statements: [{ sql: 'BEGIN', object: '', destroys: null }], ownTransaction: true, notCovered: [] }, 'a', 'b')).not.toContain(
      'BEGIN;\nBEGIN',
    );
  });
});
