// diesel's __diesel_schema_migrations: one row per applied version and when it ran; no checksum.
// Layout from diesel/src/migration/setup_migration_table.sql; rows as diesel_migrations'
// migration_harness.rs writes them (insert of the version on run, delete by version on revert).
import { tableExists } from '../bookkeepingCatalog';
import type { SqlBookkeeping } from '../format';
import { refuseUnrecordedGap } from '../unrecordedGap';

export const dieselTable = '__diesel_schema_migrations';

export const dieselBookkeeping: SqlBookkeeping = {
  tables: [dieselTable],
  present: (driver) => tableExists(driver, dieselTable),
  async read(driver, project) {
    if (!(await tableExists(driver, dieselTable))) return { initialised: false, records: [] };
    const rows = await driver.query<{ version: string; run_on: string | Date }>(`SELECT version, run_on FROM ${dieselTable} ORDER BY run_on, version`);
    const records = rows.map((r) => ({
      revision: r.version,
      checksum: null,
      appliedAt: r.run_on instanceof Date ? r.run_on.toISOString() : String(r.run_on),
      appliedBy: null,
      durationMs: null,
    }));
    if (project.format === 'diesel') refuseUnrecordedGap(project, records, { tool: 'diesel', command: 'diesel migration run' });
    return { initialised: true, records };
  },
  // TIMESTAMP and CURRENT_TIMESTAMP as diesel writes them, which PostgreSQL and SQLite both take.
  createSql: () => `CREATE TABLE IF NOT EXISTS ${dieselTable} (
       version VARCHAR(50) PRIMARY KEY NOT NULL,
       run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
)`,
  refusal: () => Promise.resolve(null),
  record: (driver, step) => ({
    after:
      step.direction === 'up'
        ? `INSERT INTO ${dieselTable} (version) VALUES (${driver.literal(step.revision)})`
        : `DELETE FROM ${dieselTable} WHERE version = ${driver.literal(step.revision)}`,
  }),
  checksum: () => null,
};
