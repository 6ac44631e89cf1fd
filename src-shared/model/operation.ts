// Long operations: started with an id at once, then reported through events until done.
import type { WireError } from '../errors';

export interface OperationStarted {
  opId: string;
}

export interface OperationProgress {
  opId: string;
  /** The API method that started the operation (typed as one in OperationProgressOf). */
  method: string;
  done: number;
  total: number;
  message: string;
  /** What this step produced, when the UI can show it before the operation ends (e.g. one row count). */
  detail?: unknown;
}

export interface OperationLog {
  opId: string;
  level: 'info' | 'warn' | 'error';
  line: string;
}

export type OperationDone = { opId: string; ok: true; result: unknown } | { opId: string; ok: false; error: WireError };
