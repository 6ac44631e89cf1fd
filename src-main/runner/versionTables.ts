// The version tables a target database keeps: switchyard_migrations for native projects (every
// applied revision with checksum, when, who, how long), alembic_version for Alembic (heads only).
import type { AppliedRecord } from '../../src-shared/model/status';
import type { ProjectFormat } from '../../src-shared/model/revision';
import type { Driver } from '../drivers/driver';

export const nativeTable = 'switchyard_migrations';
export const alembicTable = 'alembic_version';

export function createNativeTableSql(engine: Driver['engine']): string {
  const timestamp = engine === 'postgres' ? 'timestamptz NOT NULL DEFAULT now()' : "TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";
  return `CREATE TABLE IF NOT EXISTS ${nativeTable} (
  revision TEXT PRIMARY KEY,
  checksum TEXT NOT NULL,
  applied_at ${timestamp},
  applied_by TEXT NOT NULL,
  duration_ms INTEGER NOT NULL
)`;
}

async function tableExists(driver: Driver, table: string): Promise<boolean> {
  const rows =
    driver.engine === 'postgres'
      ? await driver.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [table])
      : await driver.query<{ found: string | null }>("SELECT name AS found FROM sqlite_schema WHERE type = 'table' AND name = ?", [table]);
  return Boolean(rows[0]?.found);
}

export interface RecordedState {
  initialised: boolean;
  records: AppliedRecord[];
}

/** What the database says is applied, in the order it was applied. */
export async function readRecorded(driver: Driver, format: ProjectFormat): Promise<RecordedState> {
  if (format === 'alembic') {
    if (!(await tableExists(driver, alembicTable))) return { initialised: false, records: [] };
    const rows = await driver.query<{ version_num: string }>(`SELECT version_num FROM ${alembicTable} ORDER BY version_num`);
    return { initialised: true, records: rows.map((r) => ({ revision: r.version_num, checksum: null, appliedAt: null, appliedBy: null, durationMs: null })) };
  }
  if (!(await tableExists(driver, nativeTable))) return { initialised: false, records: [] };
  const rows = await driver.query<{ revision: string; checksum: string; applied_at: string | Date; applied_by: string; duration_ms: number | string }>(
    `SELECT revision, checksum, applied_at, applied_by, duration_ms FROM ${nativeTable} ORDER BY applied_at, revision`,
  );
  return {
    initialised: true,
    records: rows.map((r) => ({
      revision: r.revision,
      checksum: r.checksum,
      appliedAt: r.applied_at instanceof Date ? r.applied_at.toISOString() : String(r.applied_at),
      appliedBy: r.applied_by,
      durationMs: Number(r.duration_ms),
    })),
  };
}
