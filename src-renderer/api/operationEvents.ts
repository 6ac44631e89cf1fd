// Follows one long operation's events. They travel on another channel than the call that starts
// it, so some can arrive before its id is known: those are kept and replayed first.
import type { ApiEventMessage, ApiInput, OperationEventOf, OperationMethod } from '../../src-shared/api';
import type { OperationStarted } from '../../src-shared/model/operation';
import { call, onApiEvent } from './client';

type AnyOperationEvent = Extract<ApiEventMessage, { event: 'op.progress' | 'op.log' | 'op.done' }>;

/**
 * Starts `method` and hands each of its events, typed by the contract (OperationReports), to
 * `onEvent` until op.done; resolves to the operation's id. A refused start rejects, with no event.
 */
export async function followOperation<M extends OperationMethod>(
  method: M,
  input: ApiInput<M>,
  onEvent: (message: OperationEventOf<M>) => void,
): Promise<string> {
  let opId: string | undefined;
  const early: AnyOperationEvent[] = [];
  const isOperationEvent = (message: ApiEventMessage): message is AnyOperationEvent => 'opId' in message.payload;
  const stop = onApiEvent((message) => {
    if (!isOperationEvent(message)) return;
    if (opId === undefined) early.push(message);
    else if (message.payload.opId === opId) deliver(message);
  });
  const deliver = (message: AnyOperationEvent) => {
    if (message.event === 'op.done') stop();
    // The one place the wire's untyped detail and result meet their declared types: events are
    // matched to this operation by id, and the main process reports what OperationReports says.
    onEvent(message as OperationEventOf<M>);
  };
  try {
    const started: OperationStarted = await call(method, input);
    opId = started.opId;
  } catch (error) {
    stop();
    throw error;
  }
  for (const message of early.splice(0)) if (message.payload.opId === opId) deliver(message);
  return opId;
}
