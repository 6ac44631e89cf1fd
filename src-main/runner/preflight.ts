// Checks before the first statement: may we write, may we create, and will an upgrade trip over a
// table that already exists (the seeds' DuplicateTable, caught before anything runs).
import type { PreflightFinding } from '../../src-shared/model/run';
import type { Driver } from '../drivers/driver';
import type { TableChanges } from '../migrations/staticAnalysis';
import type { PreparedStep } from './preparedStep';
import type { MigrationTarget } from './migrationTarget';

/** Table names as the static analysis spells them: `public.x` is `x`, other schemas keep a prefix. */
export async function existingTableNames(driver: Driver): Promise<Set<string>> {
  if (driver.engine === 'sqlite') {
    const rows = await driver.query<{ name: string }>("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'");
    return new Set(rows.map((r) => r.name));
  }
  const rows = await driver.query<{ name: string }>(
    `SELECT CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`,
  );
  return new Set(rows.map((r) => r.name));
}

/** Replays the plan's table changes over what exists; a create of something present is a conflict. */
export function tableConflicts(steps: readonly PreparedStep[], changes: ReadonlyMap<string, TableChanges>, existing: ReadonlySet<string>): PreflightFinding[] {
  const present = new Set(existing);
  const findings: PreflightFinding[] = [];
  for (const step of steps) {
    if (step.direction !== 'up') continue;
    const change = changes.get(step.revision);
    if (!change) continue;
    for (const { from, to } of change.renamed) {
      present.delete(from);
      present.add(to);
    }
    for (const table of change.dropped) present.delete(table);
    for (const table of change.created) {
      if (present.has(table)) {
        findings.push({
          severity: 'error',
          table,
          revision: step.revision,
          message: `Table ${table} already exists, and ${step.revision} (${step.file}) creates it: the upgrade would fail there with relation "${table}" already exists.`,
        });
      }
      present.add(table);
    }
  }
  return findings;
}

export async function permissionFindings(driver: Driver, target: MigrationTarget): Promise<PreflightFinding[]> {
  const findings: PreflightFinding[] = [];
  if (target.connection.readOnly) {
    findings.push({ severity: 'error', message: `${target.name} is a read-only connection: Switchyard will not change it.` });
  }
  if (driver.engine === 'postgres') {
    const [row] = await driver.query<{ schema: string | null; can_create: boolean | null }>(
      "SELECT current_schema() AS schema, CASE WHEN current_schema() IS NULL THEN NULL ELSE has_schema_privilege(current_schema(), 'CREATE') END AS can_create",
    );
    if (!row?.schema) findings.push({ severity: 'error', message: 'No schema on the search_path exists in this database: migrations have nowhere to create objects.' });
    else if (row.can_create === false) findings.push({ severity: 'error', message: `The user may not create objects in schema "${row.schema}" (no CREATE privilege).` });
  }
  return findings;
}
