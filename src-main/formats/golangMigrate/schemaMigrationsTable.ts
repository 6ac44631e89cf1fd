// `schema_migrations` is the table of dbmate (version varchar) and of golang-migrate (version bigint,
// dirty boolean): the `dirty` column tells whose it is, so neither claims the other's table.
import type { Driver } from '../../drivers/driver';
import { tableExists } from '../bookkeepingCatalog';

export const schemaMigrations = 'schema_migrations';

export function schemaMigrationsExists(driver: Driver): Promise<boolean> {
  return tableExists(driver, schemaMigrations);
}

/** True when the table has golang-migrate's `dirty` column; asked of the table itself, which both engines answer alike. */
export async function keepsDirtyFlag(driver: Driver): Promise<boolean> {
  try {
    await driver.query(`SELECT dirty FROM ${schemaMigrations} WHERE 1 = 0`);
    return true;
  } catch {
    return false;
  }
}

/** Why a run must not write to a schema_migrations kept by the other tool; null when it is absent or `ours`. */
export async function foreignSchemaMigrations(driver: Driver, ours: 'dbmate' | 'golang-migrate'): Promise<string | null> {
  if (!(await schemaMigrationsExists(driver))) return null;
  const owner = (await keepsDirtyFlag(driver)) ? 'golang-migrate' : 'dbmate';
  if (owner === ours) return null;
  return `${schemaMigrations} here is ${owner}'s (${owner === 'golang-migrate' ? 'it has a dirty column' : 'it has no dirty column'}), not ${ours}'s: this database was migrated with ${owner}. Read it with --format ${owner}, or move its records to ${ours}'s layout first; writing ${ours}'s rows into it would break ${owner}.`;
}
