// The catalog of whichever engine the driver speaks, as one list of relations.
import type { TableSize } from '../../src-shared/model/inventory';
import type { Driver } from '../drivers/driver';
import type { CatalogRelation } from './catalogRelation';
import { readPostgresCatalog, readPostgresSizes } from './postgresCatalog';
import { readSqliteCatalog } from './sqliteCatalog';

export interface Catalog {
  relations: CatalogRelation[];
  /** True when the sizes are exact already (SQLite with dbstat). */
  sizesExact: boolean;
}

export async function readCatalog(driver: Driver): Promise<Catalog> {
  if (driver.engine === 'sqlite') return readSqliteCatalog(driver);
  return { relations: await readPostgresCatalog(driver), sizesExact: false };
}

/** Sizes that open every file: the slow half of the catalog, read after the first screen. */
export async function readExactSizes(driver: Driver): Promise<TableSize[]> {
  if (driver.engine === 'postgres') return readPostgresSizes(driver);
  const { relations, sizesExact } = await readSqliteCatalog(driver);
  if (!sizesExact) return [];
  return relations.filter((r) => r.bytes !== null).map((r) => ({ schema: r.schema, name: r.name, bytes: r.bytes as number }));
}

/** What "count all" counts: stored relations, not views (a view's count runs its query). */
export async function countableTables(driver: Driver): Promise<Array<{ schema: string; name: string }>> {
  if (driver.engine === 'sqlite') {
    // Straight from sqlite_schema: the full catalog would count every table once already.
    const rows = await driver.query<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    return rows.map((r) => ({ schema: 'main', name: r.name }));
  }
  const relations = await readPostgresCatalog(driver);
  return relations.filter((r) => r.kind === 'table' || r.kind === 'materialized view').map((r) => ({ schema: r.schema, name: r.name }));
}
