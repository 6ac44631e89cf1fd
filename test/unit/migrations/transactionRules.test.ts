import { describe, expect, it } from 'vitest';
import { mayRefuseTransaction, statementsRefusingTransaction } from '../../../src-main/migrations/transactionRules';

const whys = async (sql: string, serverVersionNum?: number) => (await statementsRefusingTransaction(sql, serverVersionNum)).map((f) => f.why);

describe('statements PostgreSQL refuses inside a transaction block', () => {
  it.each([
    ['CREATE INDEX CONCURRENTLY orders_by_customer ON orders (customer_id)', 'CREATE INDEX CONCURRENTLY'],
    ['CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS u ON t (a)', 'CREATE INDEX CONCURRENTLY'],
    ['DROP INDEX CONCURRENTLY orders_by_customer', 'DROP INDEX CONCURRENTLY'],
    ['REINDEX INDEX CONCURRENTLY orders_by_customer', 'REINDEX CONCURRENTLY'],
    ['REINDEX (CONCURRENTLY) TABLE orders', 'REINDEX CONCURRENTLY'],
    ['REINDEX DATABASE shop', 'REINDEX DATABASE'],
    ['REINDEX SCHEMA public', 'REINDEX SCHEMA'],
    ['REINDEX SYSTEM', 'REINDEX SYSTEM'],
    ['VACUUM orders', 'VACUUM'],
    ['VACUUM ANALYZE orders', 'VACUUM'],
    ['VACUUM (FULL, ANALYZE) orders', 'VACUUM'],
    ['CREATE DATABASE reports', 'CREATE DATABASE'],
    ['DROP DATABASE IF EXISTS reports', 'DROP DATABASE'],
    ['ALTER DATABASE shop SET TABLESPACE fast', 'ALTER DATABASE SET TABLESPACE'],
    ["ALTER SYSTEM SET work_mem = '64MB'", 'ALTER SYSTEM'],
    ["CREATE TABLESPACE fast LOCATION '/mnt/fast'", 'CREATE TABLESPACE'],
    ['DROP TABLESPACE fast', 'DROP TABLESPACE'],
    ['CLUSTER', 'CLUSTER without a table name'],
    ['DISCARD ALL', 'DISCARD ALL'],
    ['ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY', 'ALTER TABLE … DETACH PARTITION … CONCURRENTLY'],
  ])('finds %s', async (sql, what) => {
    expect(await whys(`${sql};`)).toEqual([`${what} cannot run inside a transaction block`]);
  });

  it('finds ALTER TYPE … ADD VALUE only on a server older than 12', async () => {
    const sql = "ALTER TYPE mood ADD VALUE 'elated' AFTER 'happy';";
    expect(await whys(sql, 110022)).toEqual(['ALTER TYPE … ADD VALUE cannot run inside a transaction block before PostgreSQL 12']);
    expect(await whys(sql, 120000)).toEqual([]);
    expect(await whys(sql, 160004)).toEqual([]);
    expect(await whys(sql)).toEqual([]);
    expect(await whys("ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';", 110022)).toEqual([]);
  });

  it.each([
    ['a string literal', "INSERT INTO notes (body) VALUES ('CREATE INDEX CONCURRENTLY i ON t (a); VACUUM;');"],
    ['a line comment', '-- CREATE INDEX CONCURRENTLY would lock less\nCREATE INDEX i ON t (a);'],
    ['a block comment', '/* VACUUM FULL later, by hand */ ALTER TABLE t ADD COLUMN c int;'],
    ['a dollar-quoted body', "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$ SELECT 'DROP DATABASE x' $$;"],
    ['ANALYZE alone', 'ANALYZE orders;'],
    ['a plain index', 'CREATE INDEX i ON t (a); DROP INDEX i;'],
    ['REINDEX without CONCURRENTLY', 'REINDEX TABLE orders; REINDEX (CONCURRENTLY false) INDEX i;'],
    ['CLUSTER of one table', 'CLUSTER orders USING orders_pkey;'],
    ['DISCARD PLANS', 'DISCARD PLANS;'],
    ['ALTER DATABASE … SET of a setting', 'ALTER DATABASE shop SET search_path = app, public;'],
    ['a plain DETACH PARTITION', 'ALTER TABLE events DETACH PARTITION events_2020;'],
  ])('finds nothing in %s', async (_case, sql) => {
    expect(await statementsRefusingTransaction(sql)).toEqual([]);
  });

  it('says where each statement is, in characters, with its text', async () => {
    const sql = "-- créé par l'équipe\nINSERT INTO t VALUES ('é');\n\n  CREATE INDEX CONCURRENTLY i ON t (a);\nSELECT 1;\nVACUUM t";
    expect(await statementsRefusingTransaction(sql)).toEqual([
      {
        statement: 'CREATE INDEX CONCURRENTLY i ON t (a)',
        line: 4,
        offset: sql.indexOf('CREATE INDEX'),
        why: 'CREATE INDEX CONCURRENTLY cannot run inside a transaction block',
      },
      { statement: 'VACUUM t', line: 6, offset: sql.indexOf('VACUUM'), why: 'VACUUM cannot run inside a transaction block' },
    ]);
  });

  it('gives no findings, and does not throw, for SQL the parser rejects', async () => {
    expect(await statementsRefusingTransaction('CREATE INDEX CONCURRENTLY ON;\nVACUUM t;')).toEqual([]);
  });

  it('tells by a keyword test alone that a body without any of the keywords needs no parse', () => {
    expect(mayRefuseTransaction('CREATE SCHEMA app;\nCREATE TABLE app.t (a int);\nINSERT INTO app.t VALUES (1);')).toBe(false);
    expect(mayRefuseTransaction('create index concurrently i on t (a)')).toBe(true);
    expect(mayRefuseTransaction("ALTER TYPE mood ADD VALUE 'x'")).toBe(true);
    expect(mayRefuseTransaction('reindex schema app')).toBe(true);
  });
});
