// The IPC wiring: one invoke channel into the dispatcher, one event channel out, and every message's
// sender checked against the app's own window and page.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { ApiResult } from '../../src-shared/api';
import type { Dispatch } from '../api/dispatcher';
import type { EventBus } from '../operations/eventBus';
import { isOwnPage } from './windowSecurity';

export const invokeChannel = 'switchyard:invoke';
export const eventChannel = 'switchyard:event';

export interface TrustedWindow {
  contents: WebContents;
  appUrl: string;
}

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, trusted: TrustedWindow | undefined): boolean {
  if (!trusted || event.sender.id !== trusted.contents.id) return false;
  const frame = event.senderFrame;
  // Only the top frame of our own page; never a subframe or a page we were navigated away to.
  return frame !== null && frame.parent === null && isOwnPage(frame.url, trusted.appUrl);
}

export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, events: EventBus, trusted: () => TrustedWindow | undefined, actor: string): () => void {
  ipcMain.handle(invokeChannel, async (event, method: unknown, input: unknown): Promise<ApiResult<unknown>> => {
    if (!isTrustedSender(event, trusted())) {
      return { ok: false, error: { code: 'E_UNAUTHORIZED', message: 'Refused: the message did not come from the Switchyard window.' } };
    }
    return dispatch(method, input, { actor });
  });
  const unsubscribe = events.onEvent((message) => {
    const window = trusted();
    if (window && !window.contents.isDestroyed()) window.contents.send(eventChannel, message);
  });
  return () => {
    ipcMain.removeHandler(invokeChannel);
    unsubscribe();
  };
}
