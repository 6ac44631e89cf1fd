import { describe, expect, it } from 'vitest';
import { scriptTransactionOpenAt } from '../../../../src-main/runner/scriptTransaction';

const at = (sql: string, failing: string) => scriptTransactionOpenAt(sql, sql.indexOf(failing));

describe("a script's own transaction at a failing statement", () => {
  it('is the BEGIN still open before the failing statement, comments and all', () => {
    const sql = '-- Deploy shop:orders\n\nBEGIN;\nCREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\nCOMMIT;\n';
    expect(at(sql, 'INSERT')).toEqual({ line: 3, first: true });
    expect(at(sql, 'CREATE')).toEqual({ line: 3, first: true });
  });

  it('is none once the script committed, or before it began, or for a failing BEGIN itself', () => {
    const sql =
      'CREATE TABLE a (id int);\nBEGIN;\nINSERT INTO a VALUES (1);\nCOMMIT;\nINSERT INTO a VALUES (2);\nSTART TRANSACTION;\nUPDATE a SET id = 3;\nEND;\n';
    expect(at(sql, 'CREATE')).toBeNull();
    expect(at(sql, 'BEGIN')).toBeNull();
    expect(at(sql, 'INSERT INTO a VALUES (2)')).toBeNull();
    expect(at(sql, 'INSERT INTO a VALUES (1)')).toEqual({ line: 2, first: false });
    expect(at(sql, 'UPDATE')).toEqual({ line: 6, first: false });
  });

  it('stays open over a ROLLBACK TO SAVEPOINT, which ends no transaction', () => {
    const sql = 'BEGIN;\nSAVEPOINT s;\nROLLBACK TO SAVEPOINT s;\nINSERT INTO a VALUES (1);\nCOMMIT;\n';
    expect(at(sql, 'INSERT')).toEqual({ line: 1, first: true });
  });
});
