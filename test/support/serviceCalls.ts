// Calls through the real dispatcher, as the app makes them, and long operations followed to their
// op.done: for integration tests that drive services the way the renderer does.
import type { ApiEventMessage, ApiInput, ApiMethod, ApiOutput, OperationMethod, OperationReports } from '../../src-shared/api';
import { SwitchyardError, toWireError, type WireError } from '../../src-shared/errors';
import type { OperationDone } from '../../src-shared/model/operation';
import type { Services } from '../../src-main/services';

export async function callAs<M extends ApiMethod>(services: Services, actor: string, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const result = await services.dispatch(method, input, { actor });
  if (!result.ok) throw new SwitchyardError(result.error.code, result.error.message, result.error.detail);
  return result.value as ApiOutput<M>;
}

export interface Finished<M extends OperationMethod> {
  result?: OperationReports[M]['result'];
  error?: WireError;
  logs: string[];
}

/** Starts a long operation through the API and waits for its op.done, keeping its log lines. */
export async function operationToEnd<M extends OperationMethod>(services: Services, actor: string, method: M, input: ApiInput<M>): Promise<Finished<M>> {
  const logs: string[] = [];
  let opId: string | undefined;
  const early: ApiEventMessage[] = [];
  let unsubscribe = () => {};
  const done = new Promise<OperationDone>((resolve) => {
    const take = ({ event, payload }: ApiEventMessage) => {
      if (!('opId' in payload) || payload.opId !== opId) return;
      if (event === 'op.log') logs.push(payload.line);
      if (event === 'op.done') resolve(payload);
    };
    unsubscribe = services.events.onEvent((message) => (opId === undefined ? early.push(message) : take(message)));
    callAs(services, actor, method, input).then(
      (started) => {
        opId = (started as { opId: string }).opId;
        early.splice(0).forEach(take);
      },
      // Refused before the operation started: the same answer as a failed op.done.
      (error: unknown) => resolve({ opId: '', ok: false, error: toWireError(error) }),
    );
  });
  const finished = await done;
  unsubscribe();
  return finished.ok ? { result: finished.result as OperationReports[M]['result'], logs } : { error: finished.error, logs };
}
