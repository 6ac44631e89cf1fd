// What PostgreSQL refuses inside a transaction block, for this server's version (ALTER TYPE … ADD
// VALUE is refused before 12 only).
import type { Driver } from '../../drivers/driver';
import { mayRefuseTransaction, statementsRefusingTransaction, type RefusedInTransaction } from '../../migrations/transactionRules';

const versions = new WeakMap<Driver, Promise<number>>();

function serverVersionNum(driver: Driver): Promise<number> {
  let version = versions.get(driver);
  if (!version) {
    version = driver.query<{ v: number }>(`SELECT current_setting('server_version_num')::int AS v`).then(([row]) => Number(row?.v));
    versions.set(driver, version);
  }
  return version;
}

export async function postgresRefusedInTransaction(driver: Driver, sql: string): Promise<RefusedInTransaction[]> {
  if (!mayRefuseTransaction(sql)) return [];
  return statementsRefusingTransaction(sql, await serverVersionNum(driver));
}
