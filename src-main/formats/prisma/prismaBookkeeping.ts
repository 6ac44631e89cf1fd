// Prisma's _prisma_migrations, in the layout and with the rows prisma-engines writes
// (schema-engine/connectors/sql-schema-connector: the PostgreSQL flavour's CREATE TABLE, and
// sql_migration_persistence.rs): a row is inserted when a migration starts, and finished_at and
// applied_steps_count are set when it succeeds. `prisma migrate status` / `deploy` read it this way:
// rows with rolled_back_at set do not count; a row neither finished nor rolled back is a failed
// migration, and deploy applies nothing until it is resolved (P3009).
import { randomUUID } from 'node:crypto';
import type { AppliedRecord } from '../../../src-shared/model/status';
import type { Driver } from '../../drivers/driver';
import { tableExists } from '../bookkeepingCatalog';
import type { RevisionFile } from '../../migrations/readers/projectFiles';
import type { PreparedStep } from '../../runner/preparedStep';
import type { SqlBookkeeping } from '../format';
import { refuseUnrecordedGap } from '../unrecordedGap';
import type { PrismaMigrationData } from './prismaReader';

export const prismaTable = '_prisma_migrations';

interface PrismaRow {
  id: string;
  checksum: string;
  migration_name: string;
  started_at: string | Date;
  finished_at: string | Date | null;
  rolled_back_at: string | Date | null;
}

function migrationData(file: RevisionFile): PrismaMigrationData | null {
  return (file.formatData as PrismaMigrationData | undefined) ?? null;
}

/**
 * The row id of a step's run: an engine may ask for a step's statements more than once (SQLite asks
 * again for `after` with the measured duration), and `after` must finish the row `before` started.
 */
const rowIds = new WeakMap<PreparedStep, string>();
function rowId(step: PreparedStep): string {
  const id = rowIds.get(step) ?? randomUUID();
  rowIds.set(step, id);
  return id;
}

const iso = (value: string | Date) => (value instanceof Date ? value.toISOString() : String(value));

async function rows(driver: Driver): Promise<PrismaRow[] | null> {
  if (!(await tableExists(driver, prismaTable))) return null;
  return driver.query<PrismaRow & Record<string, unknown>>(
    `SELECT id, checksum, migration_name, started_at, finished_at, rolled_back_at FROM ${prismaTable} ORDER BY started_at, migration_name`,
  );
}

export const prismaBookkeeping: SqlBookkeeping = {
  tables: [prismaTable],
  present: (driver) => tableExists(driver, prismaTable),
  async read(driver, project) {
    const all = await rows(driver);
    if (all === null) return { initialised: false, records: [] };
    const files = new Map(project.files.map((f) => [f.revision.id, f]));
    const records: AppliedRecord[] = [];
    const seen = new Set<string>();
    for (const row of all) {
      if (row.rolled_back_at !== null || row.finished_at === null || seen.has(row.migration_name)) continue;
      seen.add(row.migration_name);
      const file = files.get(row.migration_name);
      const data = file ? migrationData(file) : null;
      // A checksum Prisma would accept for the file as it is (other line ends, an old engine's hex) is not a change.
      const checksum = data && data.accepted.includes(row.checksum) ? data.checksum : row.checksum;
      const started = new Date(iso(row.started_at)).getTime();
      const finished = new Date(iso(row.finished_at)).getTime();
      records.push({
        revision: row.migration_name,
        checksum,
        appliedAt: iso(row.finished_at),
        appliedBy: null,
        durationMs: Number.isFinite(finished - started) ? finished - started : null,
      });
    }
    if (project.format === 'prisma') refuseUnrecordedGap(project, records, { tool: 'Prisma', command: 'prisma migrate deploy' });
    return { initialised: true, records };
  },
  // CURRENT_TIMESTAMP where Prisma writes now(): the same value on PostgreSQL, and SQLite takes it too.
  createSql: () => `CREATE TABLE IF NOT EXISTS ${prismaTable} (
    id VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum VARCHAR(64) NOT NULL,
    finished_at TIMESTAMPTZ,
    migration_name VARCHAR(255) NOT NULL,
    logs TEXT,
    rolled_back_at TIMESTAMPTZ,
    started_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    applied_steps_count INTEGER NOT NULL DEFAULT 0
)`,
  async refusal(driver) {
    const failed = (await rows(driver))?.find((row) => row.finished_at === null && row.rolled_back_at === null);
    if (!failed) return null;
    return (
      `${prismaTable} records the migration ${failed.migration_name}, started at ${iso(failed.started_at)}, as failed, and Prisma applies no migration until it is resolved (P3009). ` +
      `Undo what it did and run \`prisma migrate resolve --rolled-back ${failed.migration_name}\`, or finish it by hand and run \`prisma migrate resolve --applied ${failed.migration_name}\`.`
    );
  },
  record(driver, step) {
    const name = driver.literal(step.revision);
    // A stamp down is what `prisma migrate resolve --rolled-back` records: the row stays, marked rolled back.
    if (step.direction === 'down')
      return { after: `UPDATE ${prismaTable} SET rolled_back_at = CURRENT_TIMESTAMP WHERE migration_name = ${name} AND rolled_back_at IS NULL` };
    const id = driver.literal(rowId(step));
    const checksum = driver.literal(migrationData(step.source)?.checksum ?? '');
    return {
      before: `INSERT INTO ${prismaTable} (id, checksum, migration_name) VALUES (${id}, ${checksum}, ${name})`,
      // Prisma inserts the started row, then sends the script: a script that fails leaves the row unfinished (P3009 after).
      beforeOnItsOwn: true,
      // A stamp (no body) is what `prisma migrate resolve --applied` records: finished, with no step applied.
      after: `UPDATE ${prismaTable} SET finished_at = CURRENT_TIMESTAMP, applied_steps_count = ${step.body === null ? 0 : 1} WHERE id = ${id}`,
    };
  },
  checksum: (file) => migrationData(file)?.checksum ?? null,
};
