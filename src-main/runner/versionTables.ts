// The version tables a target database keeps: switchyard_migrations for native projects (every
// applied revision with checksum, when, who, how long; its SQL in nativeTableSql.ts), alembic_version
// for Alembic (heads only).
import type { AppliedRecord } from '../../src-shared/model/status';
import type { ProjectFormat } from '../../src-shared/model/revision';
import type { Driver } from '../drivers/driver';
import { engineFor } from '../engines/engineFor';
import { nativeTable } from './nativeTableSql';

export const alembicTable = 'alembic_version';

const tableExists = (driver: Driver, table: string) => engineFor(driver.engine).catalog.tableExists(driver, table);

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
