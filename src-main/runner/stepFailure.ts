// Turns a failed statement into the error users need: revision, file, line and column, server message,
// and what state the database is left in.
import { SwitchyardError } from '../../src-shared/errors';
import { SqlExecutionError } from '../drivers/driver';
import type { SqlBody } from '../migrations/readers/projectFiles';
import type { PreparedStep } from './preparedStep';
import { lineAndColumn } from '../migrations/sqlStatements';
import { scriptTransactionOpenAt } from './scriptTransaction';

/** What state a failure leaves: the body ran in one transaction with its bookkeeping, or statement by statement. */
function aftermath(step: PreparedStep, part: SqlBody | null, offset: number | undefined): string {
  if (!step.body || step.body.transaction) {
    // "As it was before X" reads as "X is not applied": after a failed revert, X still is.
    return step.direction === 'up' ? `The database is as it was before ${step.revision}.` : `The revert was rolled back: ${step.revision} is still applied.`;
  }
  const own = part && part === step.body && offset !== undefined ? scriptTransactionOpenAt(part.sql, offset) : null;
  if (own) {
    return `It failed inside the transaction its script opened at line ${own.line}, which was rolled back: ${
      own.first ? 'nothing of it stays applied' : `the statements before line ${own.line} stay applied, none after`
    }, and it is not recorded. Fix the cause, then run again.`;
  }
  return `${step.revision} runs outside a transaction, so the statements before this one stay applied and it is not recorded: fix the cause, make the revision safe to rerun or undo its first statements by hand, then run again.${part === step.verify ? ' (The verify script failed after the change ran.)' : ''}`;
}

/**
 * `offset`: where in `part` (the step's body unless told: its verify script) the failing statement, or
 * the server's position, is.
 */
export function stepFailure(step: PreparedStep, error: unknown, offset: number | undefined, target: string, part: SqlBody | null = step.body): SwitchyardError {
  if (!(error instanceof SqlExecutionError)) return error instanceof SwitchyardError ? error : new SwitchyardError('E_MIGRATION_FAILED', String(error));
  if (error.connectionLost) {
    const inTransaction = !step.body || step.body.transaction;
    return new SwitchyardError(
      'E_CONNECTION_LOST',
      `The connection to ${target} was lost while ${step.direction === 'up' ? 'applying' : 'reverting'} ${step.revision} (${error.message}). ${
        inTransaction
          ? 'That revision ran in one transaction with its bookkeeping, so it is either wholly applied or not at all: check the status, then run again.'
          : 'That revision runs outside a transaction, so part of it may have run: check the database and the status before running again.'
      }`,
      { revision: step.revision, file: step.file },
    );
  }
  const where = part && offset !== undefined ? lineAndColumn(part.sql, offset) : undefined;
  const line = where && part ? part.line + where.line - 1 : part?.line;
  const column = where?.column ?? 1;
  const file = part?.file ?? step.file;
  const location = line === undefined ? file : `${file}:${line}:${column}`;
  const what = part !== null && part === step.verify ? `${step.revision}'s verify script` : step.revision;
  return new SwitchyardError('E_MIGRATION_FAILED', `${what} failed at ${location}: ${error.message}. ${aftermath(step, part, offset)}`, {
    revision: step.revision,
    direction: step.direction,
    file,
    line: line ?? null,
    column,
    sqlstate: error.sqlstate ?? null,
    serverMessage: error.message,
  });
}
