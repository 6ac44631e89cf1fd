// One pass of a fleet rollout: the databases taken in order, at most `concurrency` at a time, each
// one run (a normal run, given by the caller), its row kept as it goes. After a failure without
// continueOnError no new database starts and the running ones stop after their current revision;
// a cancel stops them all the same way.
import { SwitchyardError } from '../../src-shared/errors';
import { rolloutItemSentence, type RolloutItem, type RolloutState } from '../../src-shared/model/rollout';
import { runFailureOf } from '../../src-shared/model/runFailure';
import type { RunResult } from '../../src-shared/model/run';
import type { OperationContext } from '../operations/operations';

export interface FleetOptions {
  concurrency: number;
  continueOnError: boolean;
  signal: AbortSignal;
  opId: string;
}

export interface FleetHooks {
  /** Runs one database through the runner (one run or several); its progress, log and checkpoints go through `context`. The steps it ran. */
  runDatabase(item: RolloutItem, context: OperationContext): Promise<RunResult['steps']>;
  /** A row changed; `journal`: before or after its run (written to the store), else a progress step. */
  changed(item: RolloutItem, journal: boolean): void;
  log(level: 'info' | 'warn' | 'error', line: string): void;
}

function holderOf(error: SwitchyardError): string {
  const detail = error.detail as { holder?: unknown } | undefined;
  return typeof detail?.holder === 'string' ? detail.holder : error.message;
}

/** Runs `items` (those to run this pass, in order) and says how the pass ended. */
export async function runFleet(items: RolloutItem[], options: FleetOptions, hooks: FleetHooks): Promise<RolloutState> {
  let next = 0;
  let stoppedBy: string | undefined;
  const stopping = () => options.signal.aborted || stoppedBy !== undefined;

  const runOne = async (item: RolloutItem) => {
    const before = new Set(item.applied);
    Object.assign(item, { state: 'running', passes: item.passes + 1, startedAt: new Date().toISOString() });
    for (const key of ['current', 'holder', 'failure', 'finishedAt'] as const) delete item[key];
    hooks.changed(item, true);
    const context: OperationContext = {
      opId: options.opId,
      signal: options.signal,
      progress: (done, total, message) => {
        // The runner reports each revision once it is applied, its id as the message (0 of n: the plan).
        if (done > 0 && !before.has(message)) item.applied = [...item.applied.filter((r) => r !== message), message];
        if (done < total) item.current = { index: done + 1, total };
        else delete item.current;
        hooks.changed(item, false);
      },
      log: (level, line) => {
        if (level !== 'info') hooks.log(level, `${item.name}: ${line}`);
      },
      checkpoint: () => {
        if (options.signal.aborted) throw new SwitchyardError('E_CANCELLED', 'Cancelled by the user.');
        if (stoppedBy !== undefined) throw new SwitchyardError('E_CANCELLED', `Stopped: ${stoppedBy} failed.`);
      },
    };
    try {
      const steps = await hooks.runDatabase(item, context);
      const applied = steps.filter((s) => s.direction === 'up').map((s) => s.revision);
      item.applied = [...item.applied, ...applied.filter((r) => !item.applied.includes(r))];
      item.state = 'done';
    } catch (error) {
      const code = error instanceof SwitchyardError ? error.code : 'E_INTERNAL';
      if (code === 'E_CANCELLED' && stopping()) item.state = options.signal.aborted ? 'cancelled' : 'stopped';
      else if (code === 'E_LOCK_HELD') {
        // Nothing ran on it: someone else's run holds it. Not a failure of the migrations, so the others go on.
        item.state = 'locked';
        item.holder = holderOf(error as SwitchyardError);
      } else {
        item.state = 'failed';
        item.failure = runFailureOf(error);
        if (!options.continueOnError) stoppedBy ??= item.name;
      }
    }
    delete item.current;
    item.finishedAt = new Date().toISOString();
    hooks.changed(item, true);
    hooks.log(item.state === 'done' ? 'info' : 'warn', `${item.name}: ${rolloutItemSentence(item)}`);
  };

  const worker = async () => {
    while (!stopping()) {
      const item = items[next++];
      if (!item) return;
      await runOne(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, items.length)) }, worker));

  for (const item of items.slice(next)) {
    item.state = 'skipped';
    hooks.changed(item, true);
  }
  if (options.signal.aborted) return 'cancelled';
  return items.every((item) => item.state === 'done') ? 'done' : 'failed';
}
