// The text a squash writes: the squashed revision read back by the native reader as one revision with
// its up and down bodies, and a child's parents line changed and nothing else.
import { describe, expect, it } from 'vitest';
import { reparentedText, squashedFileName, squashedRevisionText } from '../../../src-main/authoring/squashFiles';
import { parseNativeSql } from '../../../src-main/migrations/readers/nativeSql';

const sql = (statements: string[], ownTransaction = false) => ({
  statements: statements.map((s) => ({ sql: s, object: 'x', destroys: null })),
  ownTransaction,
  notCovered: [],
});

describe('squash files', () => {
  it('writes the squashed revision as a native file the reader reads back, a body outside the runner’s transaction when its SQL holds its own', () => {
    const text = squashedRevisionText({
      id: 'abc123',
      parent: 'r01',
      branchLabels: ['core'],
      message: 'Consolidated',
      replaces: ['r02', 'r03'],
      up: sql(['CREATE TABLE a (id integer)'], true),
      down: { ...sql(['DROP TABLE a']), statements: [{ sql: 'DROP TABLE a', object: 'table:a', destroys: 'table a and its rows' }] },
    });
    const parsed = parseNativeSql(text);
    expect(parsed.header).toMatchObject({ revision: 'abc123', parents: ['r01'], branchLabels: ['core'], message: 'Consolidated' });
    expect(parsed.up).toMatchObject({ sql: 'CREATE TABLE a (id integer);', transaction: false });
    expect(parsed.down).toMatchObject({ sql: '-- DESTRUCTIVE: destroys table a and its rows\nDROP TABLE a;\n', transaction: true });
  });

  it('changes only the parent named in the parents line, and nothing when the line does not name it', () => {
    const child = '-- revision: r04\n-- parents: r03, other\n-- message: r03 again\n-- migrate:up\nSELECT 1; -- after r03\n';
    expect(reparentedText(child, 'r03', 'abc123')).toBe(child.replace('-- parents: r03, other', '-- parents: abc123, other'));
    expect(reparentedText(child, 'r0', 'abc123')).toBeNull();
  });

  it('names the file after the first replaced file’s number', () => {
    expect(squashedFileName('002_r02.sql', 'abc123', 'Notes & tables!')).toBe('002_abc123_notes_tables.sql');
    expect(squashedFileName('init.sql', 'abc123', '')).toBe('abc123_squashed.sql');
  });
});
