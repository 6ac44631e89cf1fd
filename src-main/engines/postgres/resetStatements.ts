// The PostgreSQL statements a reset runs, built in one place so the Confirm step shows exactly what
// runs. Identifiers go through quoteIdentifier, values through the server's literal escaping.
import type { DatabaseShapeRecord } from '../../../src-shared/model/reset';
import { quoteIdentifier } from '../../drivers/identifier';

/** What a recreated database must keep from the one it replaces. */
export type DatabaseShape = DatabaseShapeRecord;

type Literal = (value: string) => string;

/**
 * Everyone else's sessions on the database named $1: the one place pg_stat_activity is asked who is connected.
 * Client backends only: an autovacuum worker (no user, no address) is not a session a person holds, and the
 * server ends it by itself for DROP DATABASE and a template copy.
 */
export const otherSessionsOn = "FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'";

/** Shown with the name inline; run with the name as a parameter ($1). */
export const terminateSessionsSql = `SELECT pg_terminate_backend(pid) ${otherSessionsOn}`;

export function terminateSessionsShown(database: string, literal: Literal): string {
  return terminateSessionsSql.replace('$1', literal(database));
}

/** WITH (FORCE) (PostgreSQL 13+) also ends a session that reconnected after the terminate step. */
export function dropDatabaseSql(database: string, force: boolean): string {
  return `DROP DATABASE IF EXISTS ${quoteIdentifier(database)}${force ? ' WITH (FORCE)' : ''}`;
}

/** template0, so the new database can take any encoding and collation (template1 may not allow it). */
export function createDatabaseSql(database: string, shape: DatabaseShape, literal: Literal): string {
  return `CREATE DATABASE ${quoteIdentifier(database)} OWNER ${quoteIdentifier(shape.owner)} ENCODING ${literal(shape.encoding)} LC_COLLATE ${literal(shape.collate)} LC_CTYPE ${literal(shape.ctype)} TEMPLATE template0`;
}

/** FILE_COPY (PostgreSQL 15+) copies the files instead of WAL-logging every block: several times faster. */
export function cloneDatabaseSql(database: string, template: string, owner: string, fileCopy: boolean): string {
  return `CREATE DATABASE ${quoteIdentifier(database)} OWNER ${quoteIdentifier(owner)} TEMPLATE ${quoteIdentifier(template)}${fileCopy ? ' STRATEGY FILE_COPY' : ''}`;
}

/** Renaming is how a restore swaps the finished copy in: the old database is never dropped before the new one is whole. */
export function renameDatabaseSql(from: string, to: string): string {
  return `ALTER DATABASE ${quoteIdentifier(from)} RENAME TO ${quoteIdentifier(to)}`;
}

/** A snapshot nobody can connect to can never block its own restore. */
export function refuseConnectionsSql(database: string): string {
  return `ALTER DATABASE ${quoteIdentifier(database)} WITH ALLOW_CONNECTIONS false`;
}

export function dropSchemaSql(schema: string): string {
  return `DROP SCHEMA ${quoteIdentifier(schema)} CASCADE`;
}

export function createSchemaSql(schema: string): string {
  return `CREATE SCHEMA ${quoteIdentifier(schema)}`;
}
