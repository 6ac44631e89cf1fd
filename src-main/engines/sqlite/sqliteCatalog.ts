// SQLite's tables and views from sqlite_schema. Counts are exact (a local file counts fast) and
// sizes come from the dbstat virtual table when the build has it — up to a file size: SQLite reads
// on the calling thread, so on a big file both wait for "Count rows" instead of blocking the app.
import type { Driver } from '../../drivers/driver';
import { qualifiedName } from '../../drivers/identifier';
import type { CatalogRelation } from '../../inventory/catalogRelation';
import type { Catalog, EngineCatalog, TableName } from '../engine';
import { userObjects } from './schemaObjects';

/** SQLite has one schema that matters here; attached databases are not listed. */
const schema = 'main';

/** Bytes per table, its indexes included; null when this SQLite build has no dbstat. */
async function readSizes(driver: Driver): Promise<Map<string, number> | null> {
  try {
    const rows = await driver.query<{ tbl_name: string; bytes: number }>(
      `SELECT s.tbl_name, sum(d.pgsize) AS bytes
         FROM dbstat('main') d JOIN sqlite_schema s ON s.name = d.name
        GROUP BY s.tbl_name`,
    );
    return new Map(rows.map((r) => [r.tbl_name, Number(r.bytes)]));
  } catch {
    return null;
  }
}

async function countRows(driver: Driver, table: TableName): Promise<number> {
  const [row] = await driver.query<{ rows: number }>(`SELECT count(*) AS rows FROM ${qualifiedName(table.schema, table.name)}`);
  return Number(row?.rows ?? 0);
}

async function countOrNull(driver: Driver, name: string): Promise<number | null> {
  try {
    return await countRows(driver, { schema, name });
  } catch {
    // A virtual table whose module is not loaded cannot be read; the rest of the inventory still can.
    return null;
  }
}

/** Above this, opening the inventory reads only the schema; counts and sizes come on demand. */
export const sqliteEagerLimitBytes = 256 * 1024 * 1024;

async function fileBytes(driver: Driver): Promise<number> {
  const [row] = await driver.query<{ bytes: number }>('SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()');
  return Number(row?.bytes ?? 0);
}

export async function readSqliteCatalog(driver: Driver): Promise<Catalog> {
  const eager = (await fileBytes(driver)) <= sqliteEagerLimitBytes;
  const objects = await userObjects(driver, ['table', 'view']);
  // Every index counts, SQLite's automatic ones for UNIQUE and PRIMARY KEY included.
  const indexes = await driver.query<{ tbl_name: string; count: number }>(
    "SELECT tbl_name, count(*) AS count FROM sqlite_schema WHERE type = 'index' GROUP BY tbl_name",
  );
  const indexCount = new Map(indexes.map((r) => [r.tbl_name, Number(r.count)]));
  const sizes = eager ? await readSizes(driver) : null;
  const relations: CatalogRelation[] = [];
  for (const object of objects) {
    const isTable = object.type === 'table';
    const rows = isTable && eager ? await countOrNull(driver, object.name) : null;
    relations.push({
      schema,
      name: object.name,
      kind: isTable ? 'table' : 'view',
      estimatedRows: rows,
      exactRows: rows,
      bytes: isTable ? (sizes?.get(object.name) ?? (sizes ? 0 : null)) : null,
      bytesExact: isTable && sizes !== null,
      indexCount: indexCount.get(object.name) ?? 0,
      owner: null,
      comment: null,
    });
  }
  return { relations, sizesExact: sizes !== null };
}

export const sqliteCatalog: EngineCatalog = {
  read: readSqliteCatalog,
  async exactSizes(driver) {
    const { relations, sizesExact } = await readSqliteCatalog(driver);
    if (!sizesExact) return [];
    return relations.filter((r) => r.bytes !== null).map((r) => ({ schema: r.schema, name: r.name, bytes: r.bytes as number }));
  },
  // Straight from sqlite_schema: the full catalog would count every table once already.
  countableTables: async (driver) => (await userObjects(driver, ['table'])).map((o) => ({ schema, name: o.name })),
  existingTableNames: async (driver) => new Set((await userObjects(driver, ['table', 'view'])).map((o) => o.name)),
  defaultSchema: schema,
  address: (table) => ({ schema, name: table }),
  async tableExists(driver, table) {
    const rows = await driver.query("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", [table]);
    return rows.length > 0;
  },
  // A local file counts fast and SQLite cannot stop a statement from another thread: no timeout.
  countRows: (driver, table) => countRows(driver, table),
  rowsExact: true,
};
