// Long operations: start returns an id at once; the work reports progress and logs as events,
// can be cancelled through its AbortSignal, and ends with exactly one op.done.
import { randomUUID } from 'node:crypto';
import type { OperationStarted } from '../../src-shared/model/operation';
import { SwitchyardError, toWireError } from '../../src-shared/errors';
import type { EventBus } from './eventBus';

export interface OperationContext {
  readonly opId: string;
  readonly signal: AbortSignal;
  progress(done: number, total: number, message: string, detail?: unknown): void;
  log(level: 'info' | 'warn' | 'error', line: string): void;
  /** Throws E_CANCELLED when cancellation was asked for; call it between steps. */
  checkpoint(): void;
}

export class Operations {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly events: EventBus) {}

  start(kind: string, work: (context: OperationContext) => Promise<unknown>): OperationStarted {
    const opId = randomUUID();
    const controller = new AbortController();
    this.running.set(opId, controller);
    const context: OperationContext = {
      opId,
      signal: controller.signal,
      progress: (done, total, message, detail) =>
        this.events.emit('op.progress', detail === undefined ? { opId, kind, done, total, message } : { opId, kind, done, total, message, detail }),
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
