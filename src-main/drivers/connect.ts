// Picks the driver for a target's engine.
import type { ConnectionTarget, Driver } from './driver';
import { connectPostgres } from './postgres';
import { connectSqlite, type SqliteOpenOptions } from './sqlite';

export function connect(target: ConnectionTarget, options: SqliteOpenOptions = {}): Promise<Driver> {
  return target.engine === 'postgres' ? connectPostgres(target) : connectSqlite(target, options);
}

/** Opens, describes and closes: what "Test connection" does. */
export async function testConnection(target: ConnectionTarget) {
  const driver = await connect(target);
  try {
    return await driver.describe();
  } finally {
    await driver.close();
  }
}
