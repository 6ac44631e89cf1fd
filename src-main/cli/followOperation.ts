// A long operation started through the services, followed from a terminal as the app follows it:
// its events are printed as they come, Ctrl-C cancels it (the work stops at its next checkpoint),
// a second Ctrl-C exits at once, and its done event resolves (or rejects) the promise.
import type { OperationMethod, OperationProgressOf, OperationReports } from '../../src-shared/api';
import type { OperationStarted } from '../../src-shared/model/operation';
import { SwitchyardError } from '../../src-shared/errors';
import type { Services } from '../services';
import { say, warn } from './output';

export interface Following<M extends OperationMethod> {
  json: boolean;
  /** Said on stderr at the first Ctrl-C: what stopping means for this operation. */
  stopping: string;
  onProgress?: (progress: OperationProgressOf<M>) => void;
}

export function followOperation<M extends OperationMethod>(
  services: Services,
  _method: M,
  started: OperationStarted,
  following: Following<M>,
): Promise<OperationReports[M]['result']> {
  type Result = OperationReports[M]['result'];
  const { opId } = started;
  const onInterrupt = () => {
    warn(`\nswitchyard: ${following.stopping} (Ctrl-C again to abort at once)\n`);
    services.operations.cancel(opId);
    process.once('SIGINT', () => process.exit(130));
  };
  process.once('SIGINT', onInterrupt);
  return new Promise<Result>((resolve, reject) => {
    const unsubscribe = services.events.onEvent(({ event, payload }) => {
      if (!('opId' in payload) || payload.opId !== opId) return;
      if (event === 'op.log') (following.json || payload.level === 'error' ? warn : say)(`${payload.line}\n`);
      // The operation's own method declared its detail type (OperationReports).
      else if (event === 'op.progress') following.onProgress?.(payload as OperationProgressOf<M>);
      else if (event === 'op.done') {
        unsubscribe();
        process.removeListener('SIGINT', onInterrupt);
        if (payload.ok) resolve(payload.result as Result);
        else reject(new SwitchyardError(payload.error.code, payload.error.message, payload.error.detail));
      }
    });
  });
}
