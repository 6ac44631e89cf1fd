// SQLite's user objects, the one query of sqlite_schema that lists them: SQLite's own (sqlite_sequence,
// sqlite_stat1…) left out. `_` is a LIKE wildcard, so it is escaped: sqlite3_exports is a user's table.
import type { Driver } from '../../drivers/driver';

export type SchemaObjectType = 'table' | 'view';

export interface SchemaObject {
  type: SchemaObjectType;
  name: string;
}

export function userObjects(driver: Driver, types: readonly SchemaObjectType[]): Promise<SchemaObject[]> {
  const wanted = types.map(() => '?').join(', ');
  return driver.query<SchemaObject & Record<string, unknown>>(
    `SELECT type, name FROM sqlite_schema WHERE type IN (${wanted}) AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`,
    [...types],
  );
}
