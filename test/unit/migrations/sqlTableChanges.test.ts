// Tables made, dropped and renamed inside DO blocks, functions and EXECUTEs, and every statement the
// analysis could not read reported with its file and line.
import { describe, expect, it } from 'vitest';
import { loadPostgresParser } from '../../../src-main/migrations/postgresParser';
import { readSqlTables } from '../../../src-main/migrations/sqlTableChanges';
import type { TableChanges } from '../../../src-main/migrations/tableChanges';

async function read(sql: string, line = 1): Promise<TableChanges> {
  const changes: TableChanges = { created: [], dropped: [], renamed: [], problems: [] };
  await readSqlTables(await loadPostgresParser(), sql, { file: '0007_tenants.sql', line }, changes);
  return changes;
}

describe('top-level statements that change the set of tables', () => {
  it('reads SELECT … INTO, foreign tables and a move to another schema', async () => {
    const sql = [
      'SELECT * INTO archived_orders FROM orders WHERE shipped;',
      'CREATE FOREIGN TABLE remote_prices (sku text) SERVER pricing;',
      'ALTER FOREIGN TABLE remote_prices RENAME TO prices;',
      'DROP FOREIGN TABLE old_prices;',
      'ALTER TABLE legacy SET SCHEMA archive;',
      'SELECT count(*) FROM orders;',
    ].join('\n');
    expect(await read(sql)).toEqual({
      created: ['archived_orders', 'remote_prices'],
      dropped: ['old_prices'],
      renamed: [
        { from: 'remote_prices', to: 'prices' },
        { from: 'legacy', to: 'archive.legacy' },
      ],
      problems: [],
    });
  });

  it('reports DROP SCHEMA … CASCADE, whose tables it does not follow', async () => {
    expect((await read('DROP SCHEMA staging;\nDROP SCHEMA scratch CASCADE;')).problems).toEqual([
      '0007_tenants.sql:2: DROP SCHEMA … CASCADE drops the tables in it, which the analysis does not follow',
    ]);
  });
});

describe('tables changed inside DO blocks', () => {
  it('reads creates, drops and renames in a DO block as the top-level ones', async () => {
    const sql = [
      'DO $$',
      'BEGIN',
      '  CREATE TABLE tenants (id int primary key);',
      '  DROP TABLE legacy_tenants;',
      '  ALTER TABLE accounts RENAME TO members;',
      'END $$;',
    ].join('\n');
    expect(await read(sql)).toEqual({ created: ['tenants'], dropped: ['legacy_tenants'], renamed: [{ from: 'accounts', to: 'members' }], problems: [] });
  });

  it('reads a DO block written in another quoting and language case', async () => {
    expect((await read("DO LANGUAGE PLPGSQL 'BEGIN CREATE TABLE audit.events (id int); END';")).created).toEqual(['audit.events']);
  });

  it('says a create under IF, inside a loop or an exception handler only happens where the table is absent', async () => {
    const sql = [
      'DO $$',
      'BEGIN',
      "  IF NOT EXISTS (SELECT FROM pg_tables WHERE tablename = 'flags') THEN",
      '    CREATE TABLE flags (id int);',
      '  END IF;',
      '  BEGIN',
      '    CREATE TABLE settings (id int);',
      '  EXCEPTION WHEN duplicate_table THEN NULL;',
      '  END;',
      '  BEGIN',
      '    CREATE TABLE plain (id int);',
      '  END;',
      'END $$;',
      'CREATE TABLE IF NOT EXISTS notes (id int);',
    ].join('\n');
    const changes = await read(sql);
    expect(changes.created).toEqual(['flags', 'settings', 'plain', 'notes']);
    expect(changes.createdIfAbsent).toEqual(['flags', 'settings', 'notes']);
  });

  it('reads an EXECUTE of a constant string as the SQL it holds', async () => {
    const sql = "DO $$ BEGIN EXECUTE 'CREATE TABLE ' || 'shards' || ' (id int)'; EXECUTE $q$DROP TABLE old_shards$q$; END $$;";
    expect(await read(sql)).toMatchObject({ created: ['shards'], dropped: ['old_shards'], problems: [] });
  });

  it('reads an EXECUTE of format() with constant arguments as PostgreSQL spells it', async () => {
    const sql = [
      'DO $$ BEGIN',
      "  EXECUTE format('CREATE TABLE %I (id int)', 'Tenant Data');",
      "  EXECUTE format('CREATE TABLE %I.%I ()', 'audit', 'events');",
      "  EXECUTE format('CREATE TABLE %2$I (note text DEFAULT %1$L, pct text DEFAULT ''100%%'')', 'it''s \\ here', 'notes');",
      'END $$;',
    ].join('\n');
    expect(await read(sql)).toMatchObject({ created: ['Tenant Data', 'audit.events', 'notes'], problems: [] });
  });
});

describe('tables in functions’ bodies', () => {
  it('says a function may create its tables when called, without expecting them', async () => {
    const sql = [
      'CREATE OR REPLACE FUNCTION make_audit() RETURNS void LANGUAGE plpgsql AS $fn$',
      'BEGIN',
      '  CREATE TABLE audit_trail (id int);',
      '  ALTER TABLE audit_trail RENAME TO audit_log;',
      '  DROP TABLE users;',
      'END $fn$;',
      "CREATE FUNCTION make_cache() RETURNS void AS 'CREATE TABLE cache (k text)' LANGUAGE sql;",
    ].join('\n');
    expect(await read(sql)).toEqual({
      created: [],
      dropped: [],
      renamed: [],
      problems: [],
      mayCreate: [
        { table: 'audit_trail', how: 'function make_audit() creates it when called' },
        { table: 'audit_log', how: 'function make_audit() creates it when called' },
        { table: 'cache', how: 'function make_cache() creates it when called' },
      ],
    });
  });

  it('expects the tables of a function the revision calls after defining it (SELECT, CALL, PERFORM)', async () => {
    const sql = [
      'CREATE FUNCTION make_audit() RETURNS void LANGUAGE plpgsql AS $$ BEGIN CREATE TABLE audit_trail (id int); END $$;',
      'CREATE PROCEDURE public.make_cache() LANGUAGE plpgsql AS $$ BEGIN CREATE TABLE cache (k text); END $$;',
      'CREATE FUNCTION Make_Flags() RETURNS void LANGUAGE plpgsql AS $$ BEGIN CREATE TABLE flags (id int); END $$;',
      'CREATE FUNCTION make_later() RETURNS void LANGUAGE plpgsql AS $$ BEGIN CREATE TABLE later (id int); END $$;',
      'SELECT MAKE_AUDIT();',
      'CALL make_cache();',
      'DO $$ BEGIN PERFORM public.make_flags(); END $$;',
    ].join('\n');
    const changes = await read(sql);
    expect(changes.created).toEqual(['audit_trail', 'cache', 'flags']);
    // A function's creates may be guarded inside it: never a conflict.
    expect(changes.createdIfAbsent).toEqual(['audit_trail', 'cache', 'flags']);
    expect(changes.mayCreate?.map((m) => m.table)).toEqual(['audit_trail', 'cache', 'flags', 'later']);
  });

  it('reads a trigger function without reporting anything', async () => {
    const sql =
      'CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); INSERT INTO history SELECT NEW.*; RETURN NEW; END $$;';
    expect(await read(sql)).toEqual({ created: [], dropped: [], renamed: [], problems: [] });
  });
});

describe('statements the analysis could not read', () => {
  it('lists a dynamic EXECUTE with its file and line, and no table when the name is computed', async () => {
    const sql = [
      'SELECT 1;',
      'DO $$',
      'DECLARE t text := $t$tenant_$t$ || 42;',
      'BEGIN',
      "  EXECUTE 'CREATE TABLE ' || quote_ident(t) || ' (id int)';",
      'END $$;',
    ].join('\n');
    const changes = await read(sql, 10);
    expect(changes.problems).toEqual([`0007_tenants.sql:14: a dynamic EXECUTE is not read: 'CREATE TABLE ' || quote_ident(t) || ' (id int)'`]);
    expect(changes.created).toEqual([]);
    expect(changes.mayCreate).toBeUndefined();
  });

  it('reads a dynamic EXECUTE whose tables are written out, or that cannot change the set of tables', async () => {
    const sql = [
      'DO $$ DECLARE n int := 3; BEGIN',
      "  EXECUTE format('CREATE TABLE \"Shard Map\" (n int) TABLESPACE %s', current_setting('x'));",
      "  EXECUTE format('ALTER TABLE %I ADD CONSTRAINT positive CHECK (n > 0)', 'events_' || n);",
      "  EXECUTE 'INSERT INTO ' || quote_ident('log_' || n) || ' VALUES (1)';",
      'END $$;',
    ].join('\n');
    expect(await read(sql)).toEqual({ created: ['Shard Map'], dropped: [], renamed: [], problems: [] });
  });

  it('names the tables an EXECUTE it cannot read spells out, and none whose name is computed', async () => {
    const sql = [
      'DO $$ DECLARE n int := 3; cols text := $c$id int$c$; BEGIN',
      "  EXECUTE format('CREATE TABLE IF NOT EXISTS %I (id int)', 'events_' || n);",
      "  EXECUTE 'CREATE TABLE audit_' || n;",
      "  EXECUTE 'CREATE TABLE fixed_name (' || cols || ')';",
      '  EXECUTE cols;',
      'END $$;',
    ].join('\n');
    const changes = await read(sql);
    expect(changes.problems).toEqual([
      "0007_tenants.sql:2: a dynamic EXECUTE is not read: format('CREATE TABLE IF NOT EXISTS %I (id int)', 'events_' || n)",
      "0007_tenants.sql:3: a dynamic EXECUTE is not read: 'CREATE TABLE audit_' || n",
      "0007_tenants.sql:4: a dynamic EXECUTE is not read: 'CREATE TABLE fixed_name (' || cols || ')'",
      '0007_tenants.sql:5: a dynamic EXECUTE is not read: cols',
    ]);
    expect(changes.created).toEqual([]);
    expect(changes.mayCreate).toEqual([{ table: 'fixed_name', how: 'named by a statement not read at 0007_tenants.sql:4' }]);
  });

  it('shows a long EXECUTE expression on one line, cut short', async () => {
    const sql = `DO $$ BEGIN EXECUTE format(\n  'CREATE TABLE %I (\n    ${'c text, '.repeat(40)}id int)', v); END $$;`;
    const [problem] = (await read(sql)).problems;
    expect(problem).not.toContain('\n');
    expect(problem).toMatch(/^0007_tenants\.sql:1: a dynamic EXECUTE is not read: format\( 'CREATE TABLE %I \( c text, .{100,}…$/);
  });

  it('reports a dynamic EXECUTE in a function under its name', async () => {
    const changes = await read(
      'CREATE FUNCTION add_partition(y int) RETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  EXECUTE format($f$CREATE TABLE events_%s ()$f$, y);\nEND $$;',
    );
    expect(changes.problems).toEqual([
      '0007_tenants.sql:3: function add_partition(): a dynamic EXECUTE is not read: format($f$CREATE TABLE events_%s ()$f$, y)',
    ]);
  });

  it('lists SQL the parser rejects with its line, keeps reading the other statements and names the tables it spells out', async () => {
    const changes = await read(
      'CREATE TABLE first (id int);\n-- the second one\n/* twice */\nCREATE TABLE second (id int) WITH OOPS;\nCREATE TABLE third (id int);',
      3,
    );
    expect(changes.created).toEqual(['first', 'third']);
    expect(changes.problems).toEqual([expect.stringMatching(/^0007_tenants\.sql:6: SQL the PostgreSQL parser rejects: syntax error/)]);
    expect(changes.mayCreate).toEqual([{ table: 'second', how: 'named by a statement not read at 0007_tenants.sql:6' }]);
  });

  it('lists PL/pgSQL the parser rejects, and counts lines in a block from its first word', async () => {
    const changes = await read('SELECT 1;\n-- a comment before the block\nDO $$\nBEGIN\n  CREATE TABLE fine (id int);\n  EXECUTE v;\nEND $$;');
    expect(changes.problems).toEqual(['0007_tenants.sql:6: a dynamic EXECUTE is not read: v']);
    const rejected = await read('DO $$ BEGIN CREAT TABLE oops (id int); END $$;');
    expect(rejected.problems).toEqual(['0007_tenants.sql:1: PL/pgSQL the parser rejects in a DO block: syntax error at or near "CREAT"']);
  });

  it('lists a body in a language it does not read when it mentions a table, and only then', async () => {
    const changes = await read(
      [
        "CREATE FUNCTION py_setup() RETURNS void LANGUAGE plpython3u AS $$ plpy.execute('CREATE TABLE py_made (id int)') $$;",
        'CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE plv8 AS $$ return i + 1 $$;',
      ].join('\n'),
    );
    expect(changes.problems).toEqual(['0007_tenants.sql:1: function py_setup(): its body in language plpython3u is not read']);
    expect(changes.mayCreate).toEqual([{ table: 'py_made', how: 'named by a statement not read at 0007_tenants.sql:1' }]);
  });
});
