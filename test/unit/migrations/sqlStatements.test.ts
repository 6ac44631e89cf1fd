import { describe, expect, it } from 'vitest';
import { lineAndColumn, splitStatements } from '../../../src-main/migrations/sqlStatements';

const texts = (sql: string) => splitStatements(sql).map((s) => s.sql);

describe('splitting SQL into statements', () => {
  it('splits on semicolons but not inside quotes, dollar bodies or comments', () => {
    const sql = [
      "INSERT INTO t VALUES ('a;b', \"c;d\");",
      '-- a comment; with a semicolon',
      '/* block; /* nested; */ still; */',
      'CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;',
      'SELECT $$;$$',
    ].join('\n');
    expect(texts(sql)).toEqual([
      "INSERT INTO t VALUES ('a;b', \"c;d\")",
      '-- a comment; with a semicolon\n/* block; /* nested; */ still; */\nCREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql',
      'SELECT $$;$$',
    ]);
  });

  it('keeps a SQLite trigger body whole', () => {
    const sql = 'CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET n = n + 1; DELETE FROM c; END;\nSELECT 1;';
    expect(texts(sql)).toEqual(['CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET n = n + 1; DELETE FROM c; END', 'SELECT 1']);
  });

  it('drops empty statements and comment-only tails, and keeps offsets into the body', () => {
    const sql = 'SELECT 1;;\n\n  SELECT 2; -- done';
    const statements = splitStatements(sql);
    expect(statements.map((s) => s.sql)).toEqual(['SELECT 1', 'SELECT 2']);
    expect(sql.slice(statements[1]?.offset)).toMatch(/^SELECT 2/);
  });

  it('turns an offset into a 1-based line and column', () => {
    expect(lineAndColumn('a\nbc\ndef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('a\nbc\ndef', 6)).toEqual({ line: 3, column: 2 });
  });
});
