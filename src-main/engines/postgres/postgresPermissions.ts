// What a run needs on PostgreSQL beyond a writable session: a schema on the search_path to create in, and CREATE on it.
import type { PreflightFinding } from '../../../src-shared/model/run';
import type { Driver } from '../../drivers/driver';

export async function postgresPermissionFindings(driver: Driver): Promise<PreflightFinding[]> {
  const [row] = await driver.query<{ schema: string | null; can_create: boolean | null }>(
    "SELECT current_schema() AS schema, CASE WHEN current_schema() IS NULL THEN NULL ELSE has_schema_privilege(current_schema(), 'CREATE') END AS can_create",
  );
  if (!row?.schema) return [{ severity: 'error', message: 'No schema on the search_path exists in this database: migrations have nowhere to create objects.' }];
  if (row.can_create === false) return [{ severity: 'error', message: `The user may not create objects in schema "${row.schema}" (no CREATE privilege).` }];
  return [];
}
