// dbmate's schema_migrations: one row per applied version, nothing else (amacneil/dbmate
// pkg/driver/postgres/postgres.go and pkg/driver/sqlite/sqlite.go: CreateMigrationsTable,
// InsertMigration, DeleteMigration). dbmate keeps no checksum, so `changed` is never claimed.
import { SwitchyardError } from '../../../src-shared/errors';
import type { AppliedRecord } from '../../../src-shared/model/status';
import type { ProjectFiles } from '../../migrations/readers/projectFiles';
import { unrecordedBefore } from '../../migrations/readers/versionChain';
import type { SqlBookkeeping } from '../format';
import { foreignSchemaMigrations, keepsDirtyFlag, schemaMigrations, schemaMigrationsExists } from '../golangMigrate/schemaMigrationsTable';

/** A version dbmate would still apply, before one it applied: Switchyard's chain would call it applied, so it says so instead. */
function refuseOutOfOrder(project: ProjectFiles, records: readonly AppliedRecord[]): void {
  const gap = unrecordedBefore(project, new Set(records.map((r) => r.revision)));
  if (!gap) return;
  const them = gap.missing.join(', ');
  throw new SwitchyardError(
    'E_BOOKKEEPING_REFUSES',
    `dbmate records ${gap.later} but not ${them}, which come${gap.missing.length === 1 ? 's' : ''} before it by file name: dbmate applies ${gap.missing.length === 1 ? 'it' : 'them'} out of order on its next migrate (unless --strict), while Switchyard reads the folder as a chain in which ${gap.later} follows ${them}. Apply ${them} with \`dbmate migrate\` (or rename ${gap.missing.length === 1 ? 'it' : 'them'} to come after ${gap.later}); then Switchyard agrees.`,
  );
}

export const dbmateBookkeeping: SqlBookkeeping = {
  tables: [schemaMigrations],
  present: async (driver) => (await schemaMigrationsExists(driver)) && !(await keepsDirtyFlag(driver)),
  async read(driver, project) {
    // golang-migrate's table is not dbmate's records: the status says whose it is (otherBookkeeping).
    if (!(await schemaMigrationsExists(driver)) || (await keepsDirtyFlag(driver))) return { initialised: false, records: [] };
    // dbmate's own query orders by version; it records no time, so that is the only order there is.
    const rows = await driver.query<{ version: string }>(`SELECT version FROM ${schemaMigrations} ORDER BY version`);
    const records = rows.map((row) => ({ revision: String(row.version), checksum: null, appliedAt: null, appliedBy: null, durationMs: null }));
    if (project.format === 'dbmate') refuseOutOfOrder(project, records);
    return { initialised: true, records };
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
