// A step's `before` statements (StepRecord.before) failed on their own, before its body: the format's
// bookkeeping refused the step (sqitch's conflicts), or could not leave its mark; nothing of it ran.
import { SwitchyardError } from '../../src-shared/errors';
import { SqlExecutionError } from '../drivers/driver';
import type { PreparedStep } from './preparedStep';
import { stepFailure } from './stepFailure';

export function stepRefusal(step: PreparedStep, error: unknown, target: string): SwitchyardError {
  if (!(error instanceof SqlExecutionError) || error.connectionLost) return stepFailure(step, error, undefined, target, null);
  return new SwitchyardError('E_BOOKKEEPING_REFUSES', `${target}: ${step.revision} was not run: ${error.message}`, {
    revision: step.revision,
    file: step.file,
  });
}
