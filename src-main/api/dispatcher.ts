// The one door into the services: looks the method up, validates the input with its schema, runs
// the handler, and turns every outcome into an ApiResult. Shared by IPC, the browser host and tests.
import { api, isApiMethod, type ApiMethod, type ApiOutput, type ApiParsedInput, type ApiResult } from '../../src-shared/api';
import { SwitchyardError, toWireError } from '../../src-shared/errors';

export interface CallContext {
  /** Who is acting, for the audit log: "alice via desktop". */
  actor: string;
}

/** The compiler checks that every method of the contract has a handler of the right type. */
export type ApiHandlers = {
  [M in ApiMethod]: (input: ApiParsedInput<M>, context: CallContext) => Promise<ApiOutput<M>> | ApiOutput<M>;
};

export type Dispatch = (method: unknown, input: unknown, context: CallContext) => Promise<ApiResult<unknown>>;

export interface DispatchOptions {
  /** Where unexpected (non-Switchyard) errors are reported in full; they cross the boundary redacted. */
  onUnexpectedError?: (method: string, error: unknown) => void;
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): { path: string; message: string }[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export function createDispatcher(handlers: ApiHandlers, options: DispatchOptions = {}): Dispatch {
  return async (method, input, context) => {
    if (!isApiMethod(method)) {
      return { ok: false, error: { code: 'E_UNKNOWN_METHOD', message: `Unknown API method "${String(method).slice(0, 100)}".` } };
    }
    const parsed = api[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      // Paths and messages only: the offending values (maybe a password) are never echoed back.
      const issues = describeIssues(parsed.error.issues);
      const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
      return { ok: false, error: { code: 'E_INVALID_INPUT', message: `Invalid input for ${method}: ${summary}`, detail: { issues } } };
    }
    try {
      const handler = handlers[method] as (input: unknown, context: CallContext) => unknown;
      return { ok: true, value: await handler(parsed.data, context) };
    } catch (error) {
      if (!(error instanceof SwitchyardError)) options.onUnexpectedError?.(method, error);
      return { ok: false, error: toWireError(error) };
    }
  };
}
