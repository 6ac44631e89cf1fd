// golang-migrate's schema_migrations: ONE row, the version the database is at and whether a migration
// failed part-way (dirty). Written as migrate writes it (golang-migrate/migrate database/postgres/postgres.go:
// ensureVersionTable, SetVersion = TRUNCATE then INSERT in one transaction; migrate.go runMigrations:
// the target version set dirty before a migration runs and clean after it). DELETE stands for TRUNCATE,
// which SQLite lacks (database/sqlite3 uses DELETE too). migrate keeps no checksum.
import type { StepRecord, SqlBookkeeping } from '../format';
import { foreignSchemaMigrations, keepsDirtyFlag, schemaMigrations, schemaMigrationsExists } from './schemaMigrationsTable';

interface VersionRow {
  version: string | number;
  dirty: boolean | number;
}

// migrate's NilVersion: what a dirty database records when reverting its first migration failed.
const nilVersion = '-1';

function setVersion(version: string | null, dirty: boolean): string {
  const clear = `DELETE FROM ${schemaMigrations}`;
  // As SetVersion: no row for "no version", except a dirty one (golang-migrate issue 330).
  if (version === null && !dirty) return clear;
  return `${clear};\nINSERT INTO ${schemaMigrations} (version, dirty) VALUES (${version ?? nilVersion}, ${dirty ? 'true' : 'false'})`;
}

async function versionRows(driver: Parameters<SqlBookkeeping['read']>[0]): Promise<VersionRow[]> {
  return driver.query<VersionRow & Record<string, unknown>>(`SELECT version, dirty FROM ${schemaMigrations}`);
}

export const golangMigrateBookkeeping: SqlBookkeeping = {
  tables: [schemaMigrations],
  present: async (driver) => (await schemaMigrationsExists(driver)) && (await keepsDirtyFlag(driver)),
  async read(driver) {
    // dbmate's table is not migrate's records: the status says whose it is (otherBookkeeping).
    if (!(await schemaMigrationsExists(driver)) || !(await keepsDirtyFlag(driver))) return { initialised: false, records: [] };
    // One row: the version reached; every revision before it in the chain is applied with it.
    const records = (await versionRows(driver))
      .filter((row) => String(row.version) !== nilVersion)
      .map((row) => ({ revision: String(row.version), checksum: null, appliedAt: null, appliedBy: null, durationMs: null }));
    return { initialised: true, records };
  },
  createSql: () => `CREATE TABLE IF NOT EXISTS ${schemaMigrations} (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)`,
  async refusal(driver) {
    if (!(await schemaMigrationsExists(driver))) return null;
    const foreign = await foreignSchemaMigrations(driver, 'golang-migrate');
    if (foreign) return foreign;
    const dirty = (await versionRows(driver)).find((row) => row.dirty === true || Number(row.dirty) === 1);
    if (!dirty) return null;
    const version = String(dirty.version);
    return `golang-migrate's ${schemaMigrations} says version ${version} is dirty: a migration failed part-way, and the database may hold part of it. migrate refuses to run on it ("Dirty database version ${version}. Fix and force version."), and so does Switchyard. Check what that migration did, repair the database by hand, then clear the flag as migrate does: \`migrate force ${version}\` (or UPDATE ${schemaMigrations} SET dirty = false).`;
  },
  record(_driver, step): StepRecord {
    // After an upgrade the database is at this version; after a downgrade, at the one before it.
    const reached = step.direction === 'up' ? step.revision : (step.parents[0] ?? null);
    // Inside a transaction a failure undoes the mark too; outside one, the mark is committed first and stays if the body fails, as migrate leaves it.
    const outside = step.body !== null && !step.body.transaction;
    return { ...(outside ? { before: setVersion(reached, true) } : {}), after: setVersion(reached, false) };
  },
  checksum: () => null,
};
