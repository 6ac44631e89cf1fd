// SQLite's tables and views from sqlite_schema. Counts are exact (a local file counts fast) and
// sizes come from the dbstat virtual table when the build has it — up to a file size: SQLite reads
// on the calling thread, so on a big file both wait for "Count rows" instead of blocking the app.
import type { Driver } from '../drivers/driver';
import { qualifiedName } from '../drivers/identifier';
import type { CatalogRelation } from './catalogRelation';

interface SchemaRow {
  type: 'table' | 'view';
  name: string;
}

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

async function countRows(driver: Driver, name: string): Promise<number | null> {
  try {
    const [row] = await driver.query<{ rows: number }>(`SELECT count(*) AS rows FROM ${qualifiedName('main', name)}`);
    return row ? Number(row.rows) : null;
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

export async function readSqliteCatalog(driver: Driver): Promise<{ relations: CatalogRelation[]; sizesExact: boolean }> {
  const eager = (await fileBytes(driver)) <= sqliteEagerLimitBytes;
  const objects = await driver.query<SchemaRow & Record<string, unknown>>(
    "SELECT type, name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
  );
  const indexes = await driver.query<{ tbl_name: string; count: number }>(
    "SELECT tbl_name, count(*) AS count FROM sqlite_schema WHERE type = 'index' GROUP BY tbl_name",
  );
  const indexCount = new Map(indexes.map((r) => [r.tbl_name, Number(r.count)]));
  const sizes = eager ? await readSizes(driver) : null;
  const relations: CatalogRelation[] = [];
  for (const object of objects) {
    const isTable = object.type === 'table';
    const rows = isTable && eager ? await countRows(driver, object.name) : null;
    relations.push({
      schema: 'main',
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
