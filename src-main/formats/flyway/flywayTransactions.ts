// Whether Flyway runs a migration outside a transaction: it does so by itself when the migration's
// statements are ones PostgreSQL refuses in a transaction block, known from their first words as
// PostgreSQLParser.detectCanExecuteInTransaction knows them (flyway/flyway,
// flyway-database/flyway-database-postgresql/src/main/java/org/flywaydb/database/postgresql/PostgreSQLParser.java).
// A migration that mixes both kinds runs outside a transaction only with `mixed = true`; otherwise
// Flyway refuses it, and so does the runner, before the first statement (transactionFindings.ts).
import { mayRefuseTransaction } from '../../migrations/transactionRules';
import { splitStatements } from '../../migrations/sqlStatements';

// Flyway's patterns, over the statement's leading words in capitals. ALTER TYPE … ADD VALUE is left to
// the runner's check, which knows the server's version (only servers before 12 refuse it).
const outsideTransaction = [
  /^(CREATE|DROP) (DATABASE|TABLESPACE|SUBSCRIPTION)\b/,
  /^ALTER SYSTEM\b/,
  /^(CREATE|DROP)( UNIQUE)? INDEX CONCURRENTLY\b/,
  /^REINDEX( VERBOSE)? (SCHEMA|DATABASE|SYSTEM)\b/,
  /^VACUUM\b/,
  /^DISCARD ALL\b/,
];

/** The statement's words with comments and line breaks gone, in capitals: what Flyway's patterns read. */
function leadingWords(statement: string): string {
  return statement
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

/** True when Flyway runs `sql` outside a transaction (`mixed`: the project's setting). */
export function flywayRunsOutsideTransaction(sql: string, mixed: boolean): boolean {
  // The keyword pre-check spares the split for nearly every migration.
  if (!mayRefuseTransaction(sql) && !/\bSUBSCRIPTION\b/i.test(sql)) return false;
  const kinds = splitStatements(sql).map((s) => outsideTransaction.some((pattern) => pattern.test(leadingWords(s.sql))));
  if (!kinds.includes(true)) return false;
  return mixed || kinds.every(Boolean);
}
