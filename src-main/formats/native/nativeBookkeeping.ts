// switchyard_migrations: every applied revision with its checksum, when, who and how long.
import { tableExists } from '../bookkeepingCatalog';
import { bookkeepingSql } from './bookkeepingSql';
import { upChecksum } from '../../runner/checksum';
import { createNativeTableSql, nativeTable } from './nativeTableSql';
import type { SqlBookkeeping } from '../format';

export const nativeBookkeeping: SqlBookkeeping = {
  tables: [nativeTable],
  present: (driver) => tableExists(driver, nativeTable),
  async read(driver) {
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
  },
  createSql: (dialect) => createNativeTableSql(dialect),
  refusal: () => Promise.resolve(null),
  record: (driver, step, { appliedBy, durationSql }) => ({ after: bookkeepingSql(driver, step, appliedBy, durationSql) }),
  checksum: upChecksum,
};
