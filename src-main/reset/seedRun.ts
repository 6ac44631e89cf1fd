// The reset's seed step: the seed file's statements, one by one, so a failure can say where in the
// file it is (file:line:col, as a failing migration does) on every engine — SQLite gives no position,
// and PostgreSQL gives one only for some errors.
import { readFileSync } from 'node:fs';
import { SwitchyardError } from '../../src-shared/errors';
import { SqlExecutionError, type Driver } from '../drivers/driver';
import { lineAndColumn, splitStatements } from '../migrations/sqlStatements';

const leadingComments = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;
const transactionControl = /^(?:BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT)\b(?!\s+ATOMIC)/i;

/** A seed that opens or ends transactions itself is run as written; any other runs whole or not at all. */
function controlsItsTransactions(statements: Array<{ sql: string }>): boolean {
  return statements.some(({ sql }) => transactionControl.test(sql.slice(leadingComments.exec(sql)?.[0].length ?? 0)));
}

/** Runs `file` on `driver`; a failing statement is E_RESET_FAILED with the file, line and column. */
export async function runSeed(driver: Driver, file: string): Promise<void> {
  const sql = readFileSync(file, 'utf8');
  const statements = splitStatements(sql);
  const wrapped = !controlsItsTransactions(statements);
  if (wrapped) await driver.execScript('BEGIN');
  for (const statement of statements) {
    try {
      await driver.execScript(statement.sql);
    } catch (error) {
      if (wrapped) await driver.execScript('ROLLBACK').catch(() => undefined);
      throw seedFailure(file, sql, statement.offset, error, wrapped);
    }
  }
  if (wrapped) await driver.execScript('COMMIT');
}

function seedFailure(file: string, sql: string, statementOffset: number, error: unknown, wrapped: boolean): SwitchyardError {
  if (!(error instanceof SqlExecutionError)) return error instanceof SwitchyardError ? error : new SwitchyardError('E_RESET_FAILED', String(error));
  // Past the statement's leading comments and blank lines, or at the server's position inside it.
  const statement = sql.slice(statementOffset);
  const offset = statementOffset + (error.position ?? leadingComments.exec(statement)?.[0].length ?? 0);
  const { line, column } = lineAndColumn(sql, offset);
  const aftermath = wrapped
    ? 'Nothing of the seed stays: it ran in one transaction, rolled back.'
    : 'The seed manages its own transactions, so what it committed before this statement stays.';
  return new SwitchyardError('E_RESET_FAILED', `The seed failed at ${file}:${line}:${column}: ${error.message}. ${aftermath}`, {
    file,
    line,
    column,
    sqlstate: error.sqlstate ?? null,
    serverMessage: error.message,
  });
}
