// The real PostgreSQL parser (libpg-query), for SQL and for PL/pgSQL function bodies.
import type { ParseResult } from 'libpg-query';

export type Parser = (sql: string) => ParseResult;

export interface PostgresParser {
  parse: Parser;
  /** Reads `CREATE FUNCTION … LANGUAGE plpgsql` statements (and only those) into PL/pgSQL trees. */
  parsePlPgSql: (sql: string) => unknown;
}

let loaded: Promise<PostgresParser> | undefined;

/** Loaded once and on demand: its WebAssembly would cost every CLI command start-up time. */
export function loadPostgresParser(): Promise<PostgresParser> {
  loaded ??= import('libpg-query').then(async (pg) => {
    await pg.loadModule();
    return { parse: pg.parseSync, parsePlPgSql: pg.parsePlPgSQLSync };
  });
  return loaded;
}

/** The SQL parser alone. */
export async function loadParser(): Promise<Parser> {
  return (await loadPostgresParser()).parse;
}
