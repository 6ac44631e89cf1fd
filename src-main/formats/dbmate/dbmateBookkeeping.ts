// dbmate's schema_migrations: one row per applied version, nothing else (amacneil/dbmate
// pkg/driver/postgres/postgres.go and pkg/driver/sqlite/sqlite.go: CreateMigrationsTable,
// InsertMigration, DeleteMigration). dbmate keeps no checksum, so `changed` is never claimed.
import type { SqlBookkeeping } from '../format';
import { foreignSchemaMigrations, keepsDirtyFlag, schemaMigrations, schemaMigrationsExists } from '../golangMigrate/schemaMigrationsTable';

export const dbmateBookkeeping: SqlBookkeeping = {
  tables: [schemaMigrations],
  present: async (driver) => (await schemaMigrationsExists(driver)) && !(await keepsDirtyFlag(driver)),
  async read(driver) {
    // golang-migrate's table is not dbmate's records: the status says whose it is (otherBookkeeping).
    if (!(await schemaMigrationsExists(driver)) || (await keepsDirtyFlag(driver))) return { initialised: false, records: [] };
    // dbmate's own query orders by version; it records no time, so that is the only order there is.
    const rows = await driver.query<{ version: string }>(`SELECT version FROM ${schemaMigrations} ORDER BY version`);
    return {
      initialised: true,
      records: rows.map((row) => ({ revision: String(row.version), checksum: null, appliedAt: null, appliedBy: null, durationMs: null })),
    };
  },
  createSql: () => `CREATE TABLE IF NOT EXISTS ${schemaMigrations} (version varchar(128) PRIMARY KEY)`,
  refusal: (driver) => foreignSchemaMigrations(driver, 'dbmate'),
  record: (driver, step) => ({
    after:
      step.direction === 'up'
        ? `INSERT INTO ${schemaMigrations} (version) VALUES (${driver.literal(step.revision)})`
        : `DELETE FROM ${schemaMigrations} WHERE version = ${driver.literal(step.revision)}`,
  }),
  checksum: () => null,
};
