// goose's goose_db_version: a row per apply, with goose's first row for version 0 (pressly/goose
// internal/dialects/postgres.go and sqlite3.go: CreateTable, InsertVersion, DeleteVersion; goose
// inserts version 0 right after creating the table). A version is applied when its latest row says
// is_applied (GetMigrationByVersion orders by time, ListMigrations by id). goose keeps no checksum.
import { SwitchyardError } from '../../../src-shared/errors';
import type { AppliedRecord } from '../../../src-shared/model/status';
import { tableExists } from '../bookkeepingCatalog';
import type { ProjectFiles } from '../../migrations/readers/projectFiles';
import { unrecordedBefore } from '../../migrations/readers/versionChain';
import type { SqlBookkeeping } from '../format';

export const gooseTable = 'goose_db_version';

interface VersionRow {
  version_id: string | number;
  is_applied: boolean | number;
  tstamp: string | Date | null;
}

const gooseTableExists = (driver: Parameters<SqlBookkeeping['present']>[0]) => tableExists(driver, gooseTable);

/** goose itself refuses to migrate past a version it has not applied below one it has (without -allow-missing), and so does Switchyard. */
function refuseMissing(project: ProjectFiles, records: readonly AppliedRecord[]): void {
  const gap = unrecordedBefore(project, new Set(records.map((r) => r.revision)));
  if (!gap) return;
  const them = gap.missing.join(', ');
  throw new SwitchyardError(
    'E_BOOKKEEPING_REFUSES',
    `goose records version ${gap.later} but not ${them}, below it: goose refuses to migrate up ("found ${gap.missing.length} missing migrations before current version") unless run with -allow-missing, and Switchyard, which reads the folder as a chain, refuses too. Apply ${them} with \`goose -allow-missing up\`, or renumber ${gap.missing.length === 1 ? 'it' : 'them'} above ${gap.later}.`,
  );
}

export const gooseBookkeeping: SqlBookkeeping = {
  tables: [gooseTable],
  present: gooseTableExists,
  async read(driver, project) {
    if (!(await gooseTableExists(driver))) return { initialised: false, records: [] };
    const rows = await driver.query<VersionRow & Record<string, unknown>>(`SELECT version_id, is_applied, tstamp FROM ${gooseTable} ORDER BY id`);
    // The latest row of each version decides (an older goose wrote is_applied = false rows on down).
    const latest = new Map<string, VersionRow>();
    for (const row of rows) {
      const version = String(row.version_id);
      latest.delete(version);
      latest.set(version, row);
    }
    const records: AppliedRecord[] = [];
    for (const [version, row] of latest) {
      if (version === '0' || !(row.is_applied === true || Number(row.is_applied) === 1)) continue;
      const appliedAt = row.tstamp instanceof Date ? row.tstamp.toISOString() : row.tstamp === null ? null : String(row.tstamp);
      records.push({ revision: version, checksum: null, appliedAt, appliedBy: null, durationMs: null });
    }
    if (project.format === 'goose') refuseMissing(project, records);
    return { initialised: true, records };
  },
  createSql: (dialect) =>
    `CREATE TABLE IF NOT EXISTS ${gooseTable} (
  id ${dialect.autoNumberedId},
  version_id bigint NOT NULL,
  is_applied boolean NOT NULL,
  tstamp timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO ${gooseTable} (version_id, is_applied) SELECT 0, true WHERE NOT EXISTS (SELECT 1 FROM ${gooseTable})`,
  refusal: () => Promise.resolve(null),
  record: (_driver, step) => ({
    // The version is digits (the reader made it so), written as goose binds it: a number.
    after:
      step.direction === 'up'
        ? `INSERT INTO ${gooseTable} (version_id, is_applied) VALUES (${step.revision}, true)`
        : `DELETE FROM ${gooseTable} WHERE version_id = ${step.revision}`,
  }),
  checksum: () => null,
};
