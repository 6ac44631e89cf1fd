// Follows one long operation's events. They travel on another channel than the call that starts
// it, so some can arrive before its id is known: those are kept and replayed first.
import type { ApiEventMessage } from '../../src-shared/api';
import type { OperationStarted } from '../../src-shared/model/operation';
import { onApiEvent } from './client';

export type OperationEvent = Extract<ApiEventMessage, { event: 'op.progress' | 'op.log' | 'op.done' }>;

/** Starts the operation and hands each of its events to `onEvent` until op.done; resolves to its id. */
export async function followOperation(start: () => Promise<OperationStarted>, onEvent: (message: OperationEvent) => void): Promise<string> {
  let opId: string | undefined;
  const early: OperationEvent[] = [];
  const isOperationEvent = (message: ApiEventMessage): message is OperationEvent => 'opId' in message.payload;
  const stop = onApiEvent((message) => {
    if (!isOperationEvent(message)) return;
    if (opId === undefined) early.push(message);
    else if (message.payload.opId === opId) deliver(message);
  });
  const deliver = (message: OperationEvent) => {
    if (message.event === 'op.done') stop();
    onEvent(message);
  };
  try {
    opId = (await start()).opId;
  } catch (error) {
    stop();
    throw error;
  }
  for (const message of early.splice(0)) if (message.payload.opId === opId) deliver(message);
  return opId;
}
