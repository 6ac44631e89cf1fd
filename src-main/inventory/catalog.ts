// The catalog of whichever engine the driver speaks, as one list of relations.
import type { TableSize } from '../../src-shared/model/inventory';
import type { Driver } from '../drivers/driver';
import type { Catalog, TableName } from '../engines/engine';
import { engineFor } from '../engines/engineFor';

export function readCatalog(driver: Driver): Promise<Catalog> {
  return engineFor(driver.engine).catalog.read(driver);
}

/** Sizes that open every file: the slow half of the catalog, read after the first screen. */
export function readExactSizes(driver: Driver): Promise<TableSize[]> {
  return engineFor(driver.engine).catalog.exactSizes(driver);
}

/** What "count all" counts: stored relations, not views (a view's count runs its query). */
export function countableTables(driver: Driver): Promise<TableName[]> {
  return engineFor(driver.engine).catalog.countableTables(driver);
}
