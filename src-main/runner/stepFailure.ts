// Turns a failed statement into the error users need: revision, file, line and column, server message.
import { SwitchyardError } from '../../src-shared/errors';
import { SqlExecutionError } from '../drivers/driver';
import type { PreparedStep } from './preparedStep';
import { lineAndColumn } from '../migrations/sqlStatements';

/** `offsetInBody`: where in the step's SQL body the failing statement (or the server's position) is. */
export function stepFailure(step: PreparedStep, error: unknown, offsetInBody: number | undefined, target: string): SwitchyardError {
  if (!(error instanceof SqlExecutionError)) return error instanceof SwitchyardError ? error : new SwitchyardError('E_MIGRATION_FAILED', String(error));
  if (error.connectionLost) {
    return new SwitchyardError(
      'E_CONNECTION_LOST',
      `The connection to ${target} was lost while ${step.direction === 'up' ? 'applying' : 'reverting'} ${step.revision} (${error.message}). That revision ran in one transaction with its bookkeeping, so it is either wholly applied or not at all: check the status, then run again.`,
      { revision: step.revision, file: step.file },
    );
  }
  const body = step.body;
  const where = body && offsetInBody !== undefined ? lineAndColumn(body.sql, offsetInBody) : undefined;
  const line = where && body ? body.line + where.line - 1 : body?.line;
  const column = where?.column ?? 1;
  const location = line === undefined ? step.file : `${step.file}:${line}:${column}`;
  return new SwitchyardError(
    'E_MIGRATION_FAILED',
    `${step.revision} failed at ${location}: ${error.message}. The database is as it was before ${step.revision}.`,
    {
      revision: step.revision,
      direction: step.direction,
      file: step.file,
      line: line ?? null,
      column,
      sqlstate: error.sqlstate ?? null,
      serverMessage: error.message,
    },
  );
}
