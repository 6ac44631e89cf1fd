// What a restore must bring back exactly: every row of every table, and (PostgreSQL) the database's
// owner, encoding and collation. Fault tests compare a database before and after a kill and recovery.
import { quoteIdentifier } from '../../src-main/drivers/identifier';
import { openSqlite } from '../../src-main/sqliteModule';
import { adminQuery, type ServerAddress } from './scratchDatabase';

export interface DatabaseFingerprint {
  /** PostgreSQL only: owner, encoding, collation and ctype; SQLite has none of these. */
  shape: Record<string, string> | undefined;
  /** "schema.table" → its rows as text, sorted. */
  tables: Record<string, string[]>;
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export async function postgresFingerprint(server: ServerAddress, database: string): Promise<DatabaseFingerprint> {
  const { rows: shapes } = await adminQuery(
    server,
    `SELECT pg_get_userbyid(datdba) AS owner, pg_encoding_to_char(encoding) AS encoding, datcollate AS collate, datctype AS ctype
     FROM pg_database WHERE datname = ${literal(database)}`,
  );
  const { rows: names } = await adminQuery(
    server,
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
    database,
  );
  const tables: Record<string, string[]> = {};
  for (const { schema, name } of names as Array<{ schema: string; name: string }>) {
    const { rows } = await adminQuery(server, `SELECT t::text AS row FROM ${quoteIdentifier(schema)}.${quoteIdentifier(name)} t ORDER BY 1`, database);
    tables[`${schema}.${name}`] = rows.map((r: { row: string }) => r.row);
  }
  return { shape: shapes[0] as Record<string, string> | undefined, tables };
}

export function sqliteFingerprint(path: string): DatabaseFingerprint {
  const db = openSqlite(path, { readonly: true, fileMustExist: true });
  try {
    const names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").all() as Array<{
      name: string;
    }>;
    const tables: Record<string, string[]> = {};
    for (const { name } of names) {
      tables[`main.${name}`] = db
        .prepare(`SELECT * FROM ${quoteIdentifier(name)}`)
        .all()
        .map((row) => JSON.stringify(row))
        .sort();
    }
    return { shape: undefined, tables };
  } finally {
    db.close();
  }
}

/** Databases on the server whose name starts with `prefix`. */
export async function databasesLike(server: ServerAddress, prefix: string): Promise<string[]> {
  const { rows } = await adminQuery(server, `SELECT datname AS name FROM pg_database WHERE starts_with(datname, ${literal(prefix)}) ORDER BY 1`);
  return rows.map((r: { name: string }) => r.name);
}
