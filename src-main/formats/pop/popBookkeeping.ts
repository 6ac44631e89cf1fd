// pop's schema_migration table: one row per applied version, nothing else (no checksum, no date).
// Layout as ory/x popx creates it (popx/migrator.go, createTransactionalMigrationTable):
//   CREATE TABLE schema_migration (version VARCHAR (48) NOT NULL, version_self INT NOT NULL DEFAULT 0)
//   CREATE UNIQUE INDEX schema_migration_version_idx ON schema_migration (version)
// It is a superset of gobuffalo/pop's (schema_migrations.go: version VARCHAR(14), unique index), whose
// Up inserts `version` only, so both tools run on a table Switchyard created. popx's index on
// version_self is not created: on a table gobuffalo/pop made first it would fail, and popx never reads it.
import { tableExists } from '../bookkeepingCatalog';
import type { SqlBookkeeping } from '../format';
import { refuseUnrecordedGap } from '../unrecordedGap';

export const popTable = 'schema_migration';

export const popBookkeeping: SqlBookkeeping = {
  tables: [popTable],
  present: (driver) => tableExists(driver, popTable),
  async read(driver, project) {
    if (!(await tableExists(driver, popTable))) return { initialised: false, records: [] };
    const rows = await driver.query<{ version: string }>(`SELECT version FROM ${popTable} ORDER BY version`);
    const known = new Set(project.files.map((f) => f.revision.id));
    const records = rows.map(({ version }) => ({
      // popx counts a version longer than 14 digits as applied when its first 14 are recorded (a legacy run's row).
      revision: known.has(version)
        ? version
        : (project.files.find((f) => f.revision.id.length > 14 && f.revision.id.slice(0, 14) === version)?.revision.id ?? version),
      checksum: null,
      appliedAt: null,
      appliedBy: null,
      durationMs: null,
    }));
    if (project.format === 'pop') refuseUnrecordedGap(project, records, { tool: 'pop', command: 'soda migrate up' });
    return { initialised: true, records };
  },
  createSql: () =>
    `CREATE TABLE IF NOT EXISTS ${popTable} (version VARCHAR (48) NOT NULL, version_self INT NOT NULL DEFAULT 0);\n` +
    `CREATE UNIQUE INDEX IF NOT EXISTS ${popTable}_version_idx ON ${popTable} (version)`,
  refusal: () => Promise.resolve(null),
  // popx Up/Down: `INSERT INTO schema_migration (version) VALUES (?)`, `DELETE FROM schema_migration WHERE version = ?`.
  record: (driver, step) => ({
    after:
      step.direction === 'up'
        ? `INSERT INTO ${popTable} (version) VALUES (${driver.literal(step.revision)})`
        : `DELETE FROM ${popTable} WHERE version = ${driver.literal(step.revision)}`,
  }),
  checksum: () => null,
};
