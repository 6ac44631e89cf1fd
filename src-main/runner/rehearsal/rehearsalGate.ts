// What a run asks of rehearsals (RehearsalService implements it): the runner depends on this, not on
// the service, which runs the runner's own machinery on a clone.
import type { RunRehearsal } from '../../../src-shared/model/rehearsal';
import type { RunRequest } from '../../../src-shared/model/run';
import type { OperationContext } from '../../operations/operations';
import type { MigrationTarget } from '../../targets/migrationTarget';

export interface RehearsalGate {
  /** Throws E_NOT_REHEARSED, or E_REHEARSAL_FAILED when `first` rehearsed and it failed; returns when the run may go on. */
  beforeRun(target: MigrationTarget, request: RunRequest, how: RunRehearsal, operation: OperationContext, actor: string): Promise<void>;
}
