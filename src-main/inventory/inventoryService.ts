// The inventory as the API and the CLI use it: load (catalog + expected vs actual), exact sizes
// afterwards, and exact row counts as a cancellable long operation.
import type { Inventory, RowCount, TableSize } from '../../src-shared/model/inventory';
import type { OperationStarted } from '../../src-shared/model/operation';
import { connect } from '../drivers/connect';
import type { Operations } from '../operations/operations';
import type { MigrationTarget } from '../runner/migrationTarget';
import type { RunnerService } from '../runner/runnerService';
import { withDriver } from '../runner/runnerService';
import { countableTables, readExactSizes } from './catalog';
import { loadInventory } from './loadInventory';
import { countRowsExactly, defaultCountTimeoutMs } from './rowCounts';

export interface CountRequest {
  /** Absent: every table and materialized view. */
  tables?: Array<{ schema: string; name: string }>;
  timeoutMs?: number;
}

export class InventoryService {
  constructor(
    private readonly runner: RunnerService,
    private readonly operations: Operations,
  ) {}

  load(profileId: string): Promise<Inventory> {
    return loadInventory(this.runner.target(profileId));
  }

  sizes(profileId: string): Promise<TableSize[]> {
    return withDriver(this.runner.target(profileId), readExactSizes);
  }

  countRows(profileId: string, request: CountRequest): OperationStarted {
    return startCount(this.operations, this.runner.target(profileId), request);
  }
}

export function startCount(operations: Operations, target: MigrationTarget, request: CountRequest): OperationStarted {
  return operations.start('inventory.countRows', async (context): Promise<RowCount[]> => {
    // Its own connection: closing it is how a running count is cancelled.
    const driver = await connect(target.connection);
    try {
      const tables = request.tables ?? (await countableTables(driver));
      return await countRowsExactly(driver, tables, context, request.timeoutMs ?? defaultCountTimeoutMs);
    } finally {
      await driver.close();
    }
  });
}
