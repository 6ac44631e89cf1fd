// Long operations: start returns an id at once; the work reports progress and logs as events,
// can be cancelled through its AbortSignal, and ends with exactly one op.done.
import { randomUUID } from 'node:crypto';
import type { OperationMethod, OperationReports } from '../../src-shared/api';
import type { OperationStarted } from '../../src-shared/model/operation';
import { SwitchyardError, toWireError } from '../../src-shared/errors';
import type { EventBus } from './eventBus';

/**
 * What the work of one operation may report. Typed by the API method that started it, so its
 * progress detail is the one the contract declares (OperationReports); the default, any long
 * operation, is for the steps several of them share (a reset's migrate step runs the runner's).
 */
export interface OperationContext<M extends OperationMethod = OperationMethod> {
  readonly opId: string;
  readonly signal: AbortSignal;
  progress(done: number, total: number, message: string, detail?: OperationReports[M]['detail']): void;
  log(level: 'info' | 'warn' | 'error', line: string): void;
  /** Throws E_CANCELLED when cancellation was asked for; call it between steps. */
  checkpoint(): void;
}

export class Operations {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly events: EventBus) {}

  /** Starts the work of `method`, whose result must be what the contract says its op.done carries. */
  start<M extends OperationMethod>(method: M, work: (context: OperationContext<M>) => Promise<OperationReports[M]['result']>): OperationStarted {
    const opId = randomUUID();
    const controller = new AbortController();
    this.running.set(opId, controller);
    const context: OperationContext<M> = {
      opId,
      signal: controller.signal,
      progress: (done, total, message, detail) =>
        this.events.emit('op.progress', detail === undefined ? { opId, method, done, total, message } : { opId, method, done, total, message, detail }),
      log: (level, line) => this.events.emit('op.log', { opId, level, line }),
      checkpoint: () => {
        if (controller.signal.aborted) throw new SwitchyardError('E_CANCELLED', 'Cancelled by the user.');
      },
    };
    // Deferred so the caller has the id (and has subscribed) before the first event.
    setImmediate(() => {
      work(context)
        .then((result) => this.events.emit('op.done', { opId, ok: true, result }))
        .catch((error: unknown) => this.events.emit('op.done', { opId, ok: false, error: toWireError(error) }))
        .finally(() => this.running.delete(opId));
    });
    return { opId };
  }

  cancel(opId: string): boolean {
    const controller = this.running.get(opId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  get activeCount(): number {
    return this.running.size;
  }
}
