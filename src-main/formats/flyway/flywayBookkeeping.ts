// flyway_schema_history, read and written as Flyway writes it, so Flyway and Switchyard can take turns
// on one database. Layout: PostgreSQLDatabase.getRawCreateScript in flyway/flyway
// (flyway-database/flyway-database-postgresql/src/main/java/org/flywaydb/database/postgresql/PostgreSQLDatabase.java);
// rows: JdbcTableSchemaHistory.doAddAppliedMigration (installed_rank = the highest + 1, type 'SQL',
// the description with spaces, script = the path in its location, Flyway's CRC32, success).
import { SwitchyardError } from '../../../src-shared/errors';
import type { SqlBookkeeping } from '../format';
import { flywayData } from './flywayReader';
import { flywayTableExists, readFlywayHistory } from './flywayHistory';
import { flywayTable, recordedDescription, recordedScript } from './flywayTable';

// Types both PostgreSQL and SQLite take; Flyway's own default on PostgreSQL is now(), the same instant.
const createSql = `CREATE TABLE IF NOT EXISTS ${flywayTable} (
  installed_rank INT NOT NULL,
  version VARCHAR(50),
  description VARCHAR(200) NOT NULL,
  type VARCHAR(20) NOT NULL,
  script VARCHAR(1000) NOT NULL,
  checksum INTEGER,
  installed_by VARCHAR(100) NOT NULL,
  installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  execution_time INTEGER NOT NULL,
  success BOOLEAN NOT NULL,
  CONSTRAINT ${flywayTable}_pk PRIMARY KEY (installed_rank)
);
CREATE INDEX IF NOT EXISTS ${flywayTable}_s_idx ON ${flywayTable} (success)`;

export const flywayBookkeeping: SqlBookkeeping = {
  tables: [flywayTable],
  present: flywayTableExists,
  read: readFlywayHistory,
  createSql: () => createSql,
  async refusal(driver) {
    if (!(await flywayTableExists(driver))) return null;
    // Flyway's validate refuses a history holding a failed migration until `flyway repair` removes it.
    const failed = await driver.query<{ version: string | null; description: string; script: string }>(
      `SELECT version, description, script FROM ${flywayTable} WHERE NOT success ORDER BY installed_rank DESC LIMIT 1`,
    );
    const row = failed[0];
    if (!row) return null;
    const what = row.version === null ? `repeatable migration "${row.description}"` : `migration to version ${row.version} (${row.description})`;
    return `${flywayTable} records a failed ${what}, ${row.script}, which ran outside a transaction: Flyway refuses to migrate past it, and so does Switchyard. Remove what it half-did by hand, then run \`flyway repair\` to take the failed row out.`;
  },
  record(driver, step, { appliedBy, durationSql }) {
    // A downgrade is refused by the revision's noDowngrade; a stamp down reaches here, and Flyway has no such thing either.
    if (step.direction === 'down') {
      throw new SwitchyardError(
        'E_NO_DOWNGRADE',
        `${step.revision} (${step.file}) cannot be marked as not applied: Flyway only takes a version out of ${flywayTable} through Teams' undo, whose rows Switchyard does not write. Run \`flyway undo\`, or \`flyway repair\` after removing the migration.`,
        { revision: step.revision, file: step.file },
      );
    }
    const data = flywayData(step.source);
    const text = (value: string | null) => (value === null ? 'NULL' : driver.literal(value));
    // Written as failed before the body and marked successful after it: inside the step's transaction a
    // failure leaves no row, as on Flyway with PostgreSQL; outside one the failed row stays, as Flyway writes it.
    const before = `INSERT INTO ${flywayTable} (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success) SELECT COALESCE(MAX(installed_rank), 0) + 1, ${text(data.version)}, ${text(recordedDescription(data.description))}, 'SQL', ${text(recordedScript(data.script))}, ${data.checksum}, ${text(data.installedBy ?? appliedBy)}, 0, FALSE FROM ${flywayTable}`;
    const after = `UPDATE ${flywayTable} SET success = TRUE, execution_time = ${durationSql} WHERE installed_rank = (SELECT MAX(installed_rank) FROM ${flywayTable})`;
    return { before, after };
  },
  checksum: (file) => String(flywayData(file).checksum),
};
