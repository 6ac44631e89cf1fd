// The inventory as the API and the CLI use it: load (catalog + expected vs actual), exact sizes
// afterwards, and exact row counts as a cancellable long operation.
import type { Inventory, RowCount, TableSize } from '../../src-shared/model/inventory';
import type { OperationStarted } from '../../src-shared/model/operation';
import { connect } from '../drivers/connect';
import type { Operations } from '../operations/operations';
import type { MigrationTarget } from '../targets/migrationTarget';
import type { TargetRef } from '../../src-shared/model/targetRef';
import type { TargetResolver } from '../targets/targetResolver';
import { withDriver } from '../targets/withDriver';
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
    private readonly targets: TargetResolver,
    private readonly operations: Operations,
  ) {}

  load(ref: TargetRef): Promise<Inventory> {
    return loadInventory(this.targets.resolve(ref).target);
  }

  sizes(ref: TargetRef): Promise<TableSize[]> {
    return withDriver(this.targets.resolve(ref).target, readExactSizes);
  }

  countRows(ref: TargetRef, request: CountRequest): OperationStarted {
    return startCount(this.operations, this.targets.resolve(ref).target, request);
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
