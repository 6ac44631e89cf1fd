// The catalog question every format's bookkeeping asks. The engines (and with them pg and SQLite's
// native module) are imported only when a database is reached: `graph` and `plan` read a project's
// format without connecting, and must not pay for the drivers at start-up.
import type { Driver } from '../drivers/driver';

export async function tableExists(driver: Driver, table: string): Promise<boolean> {
  const { engineFor } = await import('../engines/engineFor');
  return engineFor(driver.engine).catalog.tableExists(driver, table);
}
