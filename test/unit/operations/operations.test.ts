import { describe, expect, it } from 'vitest';
import type { ApiEventMessage } from '../../../src-shared/api';
import { EventBus } from '../../../src-main/operations/eventBus';
import { Operations } from '../../../src-main/operations/operations';

function operationsHeard(): { operations: Operations; heard: ApiEventMessage[]; done: Promise<void> } {
  const events = new EventBus();
  const heard: ApiEventMessage[] = [];
  const done = new Promise<void>((resolve) =>
    events.onEvent((message) => {
      heard.push(message);
      if (message.event === 'op.done') resolve();
    }),
  );
  return { operations: new Operations(events), heard, done };
}

describe('a long operation is started by its API method', () => {
  it('names the method that started it on every progress event, with the detail the contract declares', async () => {
    const { operations, heard, done } = operationsHeard();
    const { opId } = operations.start('inventory.countRows', async (context) => {
      const count = { schema: 'public', name: 'orders', rows: 3 };
      context.progress(1, 1, 'public.orders: 3 rows', count);
      return [count];
    });
    await done;
    expect(heard).toEqual([
      {
        event: 'op.progress',
        payload: {
          opId,
          method: 'inventory.countRows',
          done: 1,
          total: 1,
          message: 'public.orders: 3 rows',
          detail: { schema: 'public', name: 'orders', rows: 3 },
        },
      },
      { event: 'op.done', payload: { opId, ok: true, result: [{ schema: 'public', name: 'orders', rows: 3 }] } },
    ]);
  });

  // Checked by the type checker (npm run typecheck runs tsc -p test): each line below must not compile.
  it('refuses, at compile time, a name that is no long operation of the API and a result its method does not declare', async () => {
    const { operations, done } = operationsHeard();
    // @ts-expect-error a free name: the renderer could not tell what its op.done carries
    operations.start('runner.upgrade', async () => ({}));
    await done;
    const second = operationsHeard();
    // @ts-expect-error profiles.testAll ends with ConnectionCheck[], not a count
    second.operations.start('profiles.testAll', async () => 42);
    await second.done;
  });
});
