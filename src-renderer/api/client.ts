// The renderer's one typed client. It runs on whichever bridge exists (Electron's preload or the
// browser host) and never knows which.
import type { ApiEventMessage, ApiInput, ApiMethod, ApiOutput, SwitchyardBridge } from '../../src-shared/api';
import type { WireError } from '../../src-shared/errors';
import { browserBridge } from './browserBridge';

declare global {
  interface Window {
    switchyard?: SwitchyardBridge;
  }
}

export class ApiError extends Error implements WireError {
  readonly code: WireError['code'];
  readonly detail: unknown;

  constructor(error: WireError) {
    super(error.message);
    this.code = error.code;
    this.detail = error.detail;
  }
}

/** A failure as a screen shows it (components/ErrorMessage): the sentence, and the code behind Details. */
export interface ShownError {
  code: string;
  message: string;
}

/** Any failure as the { code, message } a screen shows. */
export function asError(error: unknown): ShownError {
  return { code: error instanceof ApiError ? error.code : 'E_INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

const bridge: SwitchyardBridge = window.switchyard ?? browserBridge();

export async function call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const result = await bridge.invoke(method, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as ApiOutput<M>;
}

export function onApiEvent(listener: (message: ApiEventMessage) => void): () => void {
  return bridge.on(listener);
}

/** Field-level messages from an E_INVALID_INPUT error, keyed by the field's path. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'E_INVALID_INPUT') return {};
  const issues = (error.detail as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [];
  return Object.fromEntries(issues.map((issue) => [issue.path.replace(/^profile\./, ''), issue.message]));
}
