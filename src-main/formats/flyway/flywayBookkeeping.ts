// flyway_schema_history, read and written as Flyway writes it, so Flyway and Switchyard can take turns
// on one database. Layout: PostgreSQLDatabase.getRawCreateScript in flyway/flyway
// (flyway-database/flyway-database-postgresql/src/main/java/org/flywaydb/database/postgresql/PostgreSQLDatabase.java);
// rows: JdbcTableSchemaHistory.doAddAppliedMigration (installed_rank = the highest + 1, type 'SQL',
// the description with spaces, script = the path in its location, Flyway's CRC32, success).
import { SwitchyardError } from '../../../src-shared/errors';
import type { AppliedRecord } from '../../../src-shared/model/status';
import type { Driver } from '../../drivers/driver';
import { engineFor } from '../../engines/engineFor';
import type { ProjectFiles } from '../../migrations/readers/projectFiles';
import type { SqlBookkeeping } from '../format';
import { flywayData } from './flywayReader';
import { compareFlywayVersions, parseFlywayVersion, versionKey } from './flywayVersion';

export const flywayTable = 'flyway_schema_history';

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

type HistoryRow = {
  installed_rank: number;
  version: string | null;
  description: string;
  type: string;
  script: string;
  checksum: number | null;
  installed_by: string;
  installed_on: string | Date;
  execution_time: number;
  success: boolean | number;
};

const tableExists = (driver: Driver) => engineFor(driver.engine).catalog.tableExists(driver, flywayTable);

function record(revision: string, row: HistoryRow): AppliedRecord {
  return {
    revision,
    checksum: row.checksum === null ? null : String(row.checksum),
    appliedAt: row.installed_on instanceof Date ? row.installed_on.toISOString() : String(row.installed_on),
    appliedBy: row.installed_by,
    durationMs: Number(row.execution_time),
  };
}

/** The versions the history leaves applied, in the order they were applied, and each repeatable's latest successful run. */
function replay(rows: readonly HistoryRow[]): { versions: Map<string, HistoryRow>; repeatables: Map<string, HistoryRow> } {
  const versions = new Map<string, HistoryRow>();
  const repeatables = new Map<string, HistoryRow>();
  for (const row of rows) {
    if (!row.success) continue;
    const version = row.version === null ? null : parseFlywayVersion(row.version);
    if (version === null) {
      // A repeatable's run; SCHEMA and other markers carry no version and no script of the project.
      if (row.type === 'SQL') repeatables.set(row.description, row);
      continue;
    }
    const key = versionKey(version);
    // An undo (Flyway Teams) or a repair's DELETE marker takes its version back out.
    if (row.type.startsWith('UNDO_') || row.type === 'DELETE') versions.delete(key);
    else {
      versions.delete(key);
      versions.set(key, row);
    }
  }
  return { versions, repeatables };
}

async function read(driver: Driver, project: ProjectFiles) {
  if (!(await tableExists(driver))) return { initialised: false, records: [] };
  const rows = await driver.query<HistoryRow>(
    `SELECT installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success FROM ${flywayTable} ORDER BY installed_rank`,
  );
  const { versions, repeatables } = replay(rows);
  const byKey = new Map<string, string>();
  for (const file of project.files) {
    const version = flywayData(file).version;
    const parsed = version === null ? null : parseFlywayVersion(version);
    if (parsed) byKey.set(versionKey(parsed), file.revision.id);
  }
  const records: Array<AppliedRecord & { rank: number }> = [];
  for (const [key, row] of versions) {
    if (row.type.includes('BASELINE')) {
      // A baseline stands for every version up to its own: recorded as the highest of them the project has.
      const baseline = parseFlywayVersion(row.version as string);
      const below = project.files.filter((f) => {
        const v = flywayData(f).version;
        const parsed = v === null ? null : parseFlywayVersion(v);
        return parsed !== null && baseline !== null && compareFlywayVersions(parsed, baseline) <= 0;
      });
      const highest = below[below.length - 1];
      if (highest) records.push({ ...record(highest.revision.id, row), checksum: null, rank: row.installed_rank });
      continue;
    }
    records.push({ ...record(byKey.get(key) ?? (row.version as string), row), rank: row.installed_rank });
  }
  // Revisions are one chain and an applied revision implies those before it, so a repeatable counts as
  // applied only when everything before it does and its latest run had the file's checksum.
  const reported = new Set(records.map((r) => r.revision));
  const lastReported = project.files.reduce((last, file, i) => (reported.has(file.revision.id) ? i : last), -1);
  let unbroken = true;
  for (const [i, file] of project.files.entries()) {
    const data = flywayData(file);
    const latest = data.version === null ? repeatables.get(data.description) : undefined;
    if (unbroken && latest && latest.checksum === data.checksum) {
      records.push({ ...record(file.revision.id, latest), rank: latest.installed_rank });
      reported.add(file.revision.id);
    }
    unbroken &&= reported.has(file.revision.id) || i < lastReported;
  }
  records.sort((a, b) => a.rank - b.rank);
  return { initialised: true, records: records.map(({ rank: _rank, ...r }) => r) };
}

export const flywayBookkeeping: SqlBookkeeping = {
  tables: [flywayTable],
  present: tableExists,
  read,
  createSql: () => createSql,
  async refusal(driver) {
    if (!(await tableExists(driver))) return null;
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
    const before = `INSERT INTO ${flywayTable} (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success) SELECT COALESCE(MAX(installed_rank), 0) + 1, ${text(data.version)}, ${text(data.description)}, 'SQL', ${text(data.script)}, ${data.checksum}, ${text(data.installedBy ?? appliedBy)}, 0, FALSE FROM ${flywayTable}`;
    const after = `UPDATE ${flywayTable} SET success = TRUE, execution_time = ${durationSql} WHERE installed_rank = (SELECT MAX(installed_rank) FROM ${flywayTable})`;
    return { before, after };
  },
  checksum: (file) => String(flywayData(file).checksum),
};
