// The statements a reset shows and runs: every identifier quoted, values as literals or parameters.
import { describe, expect, it } from 'vitest';
import {
  cloneDatabaseSql,
  createDatabaseSql,
  dropDatabaseSql,
  dropSchemaSql,
  terminateSessionsShown,
} from '../../../../src-main/engines/postgres/resetStatements';

// What pg's escapeLiteral does for these inputs (no backslashes).
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
const hostile = 'demo"; DROP DATABASE x; --';

describe('reset statements', () => {
  it('quote a hostile database name as one identifier everywhere', () => {
    expect(dropDatabaseSql(hostile, true)).toBe('DROP DATABASE IF EXISTS "demo""; DROP DATABASE x; --" WITH (FORCE)');
    expect(createDatabaseSql(hostile, { owner: "o'neil", encoding: 'UTF8', collate: 'C', ctype: 'C' }, literal)).toBe(
      `CREATE DATABASE "demo""; DROP DATABASE x; --" OWNER "o'neil" ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`,
    );
    expect(cloneDatabaseSql('snap', hostile, 'me', true)).toBe('CREATE DATABASE "snap" OWNER "me" TEMPLATE "demo""; DROP DATABASE x; --" STRATEGY FILE_COPY');
    expect(terminateSessionsShown("it's", literal)).toContain("datname = 'it''s'");
  });

  it('use FILE_COPY and WITH (FORCE) only where the server has them', () => {
    expect(cloneDatabaseSql('a', 'b', 'me', false)).not.toContain('STRATEGY');
    expect(dropDatabaseSql('a', false)).toBe('DROP DATABASE IF EXISTS "a"');
    expect(dropSchemaSql('Sales "EU"')).toBe('DROP SCHEMA "Sales ""EU""" CASCADE');
  });
});
