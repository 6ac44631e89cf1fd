// A verify script failed after a body that ran outside a transaction (sqitch's): the change already ran,
// so the format's own way back runs, as its tool does, and the error says what state that left.
import { SwitchyardError } from '../../src-shared/errors';
import type { Driver } from '../drivers/driver';
import type { SqlBody } from '../migrations/readers/projectFiles';
import type { PreparedStep } from './preparedStep';

interface FailureDetail {
  file?: string;
  line?: number | null;
  column?: number;
  serverMessage?: string;
}

/** Returns the error to throw; `runPart` runs a body statement by statement, as the run session does. */
export async function undoAfterFailedVerify(
  driver: Driver,
  step: PreparedStep,
  failure: unknown,
  undo: SqlBody | undefined,
  runPart: (part: SqlBody) => Promise<void>,
): Promise<unknown> {
  if (!undo || !(failure instanceof SwitchyardError) || failure.code !== 'E_MIGRATION_FAILED') return failure;
  const detail = (failure.detail ?? {}) as FailureDetail;
  const where = `${detail.file ?? step.file}${detail.line ? `:${detail.line}:${detail.column ?? 1}` : ''}`;
  const verifyFailed = `${step.revision}'s verify script failed at ${where}: ${detail.serverMessage ?? failure.message}.`;
  // A verify script that failed inside its own BEGIN leaves the session in an aborted transaction.
  await driver.execScript('ROLLBACK').catch(() => undefined);
  try {
    await runPart(undo);
  } catch (undoFailure) {
    const why = undoFailure instanceof Error ? undoFailure.message : String(undoFailure);
    return new SwitchyardError(
      'E_MIGRATION_FAILED',
      `${verifyFailed} Its revert script ${undo.file ?? ''} then failed too, so the change may be partly applied and is not recorded: ${why}`,
      failure.detail,
    );
  }
  await driver.execScript('ROLLBACK').catch(() => undefined);
  return new SwitchyardError(
    'E_MIGRATION_FAILED',
    `${verifyFailed} The change was reverted with ${undo.file ?? 'its revert script'}, as its tool does when verification fails, and is not recorded.`,
    failure.detail,
  );
}
