import { describe, expect, it } from 'vitest';
import { lineAndColumn, lineCounter, splitStatements } from '../../../src-main/migrations/sqlStatements';

const texts = (sql: string) => splitStatements(sql).map((s) => s.sql);

describe('splitting SQL into statements', () => {
  it('splits on semicolons but not inside quotes, dollar bodies or comments', () => {
    const sql = [
      'INSERT INTO t VALUES (\'a;b\', "c;d");',
      '-- a comment; with a semicolon',
      '/* block; /* nested; */ still; */',
      'CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;',
      'SELECT $$;$$',
    ].join('\n');
    expect(texts(sql)).toEqual([
      'INSERT INTO t VALUES (\'a;b\', "c;d")',
      '-- a comment; with a semicolon\n/* block; /* nested; */ still; */\nCREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql',
      'SELECT $$;$$',
    ]);
  });

  it('keeps a rule with several actions in parentheses whole, as psql does', () => {
    const sql = "CREATE RULE log_update AS ON UPDATE TO t DO ALSO (INSERT INTO log VALUES ('u;1'); INSERT INTO log VALUES (2));\nSELECT (1);\nSELECT 2;";
    expect(texts(sql)).toEqual([
      "CREATE RULE log_update AS ON UPDATE TO t DO ALSO (INSERT INTO log VALUES ('u;1'); INSERT INTO log VALUES (2))",
      'SELECT (1)',
      'SELECT 2',
    ]);
  });

  it('keeps a SQLite trigger body whole', () => {
    const sql = 'CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET n = n + 1; DELETE FROM c; END;\nSELECT 1;';
    expect(texts(sql)).toEqual(['CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET n = n + 1; DELETE FROM c; END', 'SELECT 1']);
  });

  it('splits after a PostgreSQL trigger, whose body is a function elsewhere', () => {
    const sql = 'CREATE TRIGGER audit AFTER INSERT ON a FOR EACH ROW EXECUTE FUNCTION log_row();\nINSERT INTO a VALUES (1);\nINSERT INTO a VALUES (2);';
    expect(texts(sql)).toEqual([
      'CREATE TRIGGER audit AFTER INSERT ON a FOR EACH ROW EXECUTE FUNCTION log_row()',
      'INSERT INTO a VALUES (1)',
      'INSERT INTO a VALUES (2)',
    ]);
  });

  it('keeps a trigger body whole when a CASE … END comes right before a semicolon inside it', () => {
    const sql = 'CREATE TEMP TRIGGER t AFTER UPDATE ON a BEGIN UPDATE b SET n = CASE WHEN new.x THEN 1 ELSE 0 END; DELETE FROM c; END;\nSELECT 1;';
    expect(texts(sql)).toEqual([
      'CREATE TEMP TRIGGER t AFTER UPDATE ON a BEGIN UPDATE b SET n = CASE WHEN new.x THEN 1 ELSE 0 END; DELETE FROM c; END',
      'SELECT 1',
    ]);
  });

  it('keeps a BEGIN ATOMIC function body whole, and treats a plain BEGIN as a statement', () => {
    const sql = 'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;\nBEGIN;\nSELECT 3;';
    expect(texts(sql)).toEqual(['CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END', 'BEGIN', 'SELECT 3']);
  });

  it("reads E'…' strings with backslash escapes", () => {
    expect(texts("SELECT E'it\\'s; fine';SELECT 2;")).toEqual(["SELECT E'it\\'s; fine'", 'SELECT 2']);
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

describe('counting lines on through a body', () => {
  it('gives each offset, asked in increasing order, the line lineAndColumn gives it', () => {
    const text = 'SELECT 1;\n\nCREATE TABLE a (id int);\n-- note\nCREATE TABLE b (id int);\n';
    const offsets = [0, 5, 10, 11, 12, 30, 37, 38, 45, text.length];
    const lineOf = lineCounter(text);
    expect(offsets.map((offset) => lineOf(offset))).toEqual(offsets.map((offset) => lineAndColumn(text, offset).line));
  });
});
