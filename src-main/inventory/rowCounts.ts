// Exact row counts, one table at a time, each under a statement timeout so one huge table cannot
// hang the app; cancellable between tables and, where the engine can stop a statement, during a count.
import type { RowCount } from '../../src-shared/model/inventory';
import { SwitchyardError } from '../../src-shared/errors';
import type { Driver } from '../drivers/driver';
import type { TableName } from '../engines/engine';
import { engineFor } from '../engines/engineFor';
import type { OperationContext } from '../operations/operations';

export const defaultCountTimeoutMs = 15_000;

async function countOne(driver: Driver, table: TableName, timeoutMs: number): Promise<RowCount> {
  return { ...table, rows: await engineFor(driver.engine).catalog.countRows(driver, table, timeoutMs) };
}

function failure(table: TableName, error: unknown, timeoutMs: number): RowCount {
  const sqlstate = error instanceof SwitchyardError ? (error.detail as { sqlstate?: string } | undefined)?.sqlstate : undefined;
  const reason = sqlstate === '57014' ? `timed out after ${timeoutMs / 1000} s` : error instanceof Error ? error.message : String(error);
  return { ...table, rows: null, error: reason };
}

export async function countRowsExactly(
  driver: Driver,
  tables: readonly TableName[],
  context: OperationContext,
  timeoutMs = defaultCountTimeoutMs,
): Promise<RowCount[]> {
  // Closing the connection is the only way to stop a count already running on the server.
  const stop = () => void driver.close();
  context.signal.addEventListener('abort', stop, { once: true });
  const counts: RowCount[] = [];
  try {
    for (const [i, table] of tables.entries()) {
      context.checkpoint();
      let count: RowCount;
      try {
        count = await countOne(driver, table, timeoutMs);
      } catch (error) {
        context.checkpoint();
        count = failure(table, error, timeoutMs);
        context.log('warn', `${table.schema}.${table.name}: ${count.error}`);
      }
      counts.push(count);
      context.progress(i + 1, tables.length, `${table.schema}.${table.name}: ${count.rows ?? '?'} rows`, count);
    }
    return counts;
  } finally {
    context.signal.removeEventListener('abort', stop);
  }
}
