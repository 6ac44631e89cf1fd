import { describe, expect, it } from 'vitest';
import { parseNativeSql } from '../../../src-main/migrations/readers/nativeSql';

// The bodies are cut from the text by offsets (a body is never split into lines); these pin the
// edges a line-by-line reading handled on its own.
describe('native SQL bodies and their lines', () => {
  it('keeps a body between adjacent markers empty, and the last body up to the end of the file', () => {
    const sql = parseNativeSql('-- revision: r\n-- migrate:up\n-- migrate:down\nDROP TABLE t;');
    expect(sql.up).toEqual({ sql: '', line: 3, transaction: true });
    expect(sql.down).toEqual({ sql: 'DROP TABLE t;', line: 4, transaction: true });
  });

  it('gives an empty body to a marker on the last line', () => {
    expect(parseNativeSql('-- revision: r\nSELECT 1;\n-- migrate:down').down).toEqual({ sql: '', line: 4, transaction: true });
  });

  it('reads markers in any case and indented, and ignores "migrate:" elsewhere in a line', () => {
    const sql = parseNativeSql(
      '-- revision: r\n\n  -- MIGRATE:UP Transaction : False\nSELECT 1; -- migrate:down is only a comment here\n-- note: migrate:down\n--migrate:down\nSELECT 2;\n',
    );
    expect(sql.up).toEqual({ sql: 'SELECT 1; -- migrate:down is only a comment here\n-- note: migrate:down', line: 4, transaction: false });
    expect(sql.down).toEqual({ sql: 'SELECT 2;\n', line: 7, transaction: true });
  });

  it('counts the header lines before an unmarked body, blank lines included', () => {
    const sql = parseNativeSql('\n-- revision: r\n\n-- message: hello\nCREATE TABLE t (id int);\n');
    expect(sql.header).toMatchObject({ revision: 'r', message: 'hello', line: 2 });
    expect(sql.up).toEqual({ sql: 'CREATE TABLE t (id int);\n', line: 5, transaction: true });
  });

  it('reads a file that is only a header as an empty upgrade after its last line', () => {
    expect(parseNativeSql('-- revision: r\n-- parents: p').up).toEqual({ sql: '', line: 3, transaction: true });
  });
});
