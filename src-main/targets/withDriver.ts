// A connection to a target's database for the length of one piece of work, closed whatever happens.
import type { Driver } from '../drivers/driver';
import { engineFor } from '../engines/engineFor';
import type { MigrationTarget } from '../targets/migrationTarget';

/**
 * `create`: a run may create a missing SQLite file (a fresh database). Reads never do: they see a
 * missing file as the empty database it will be, through an in-memory stand-in.
 */
export async function withDriver<T>(target: MigrationTarget, work: (driver: Driver) => Promise<T>, create = false): Promise<T> {
  const { connection } = target;
  const engine = engineFor(connection.engine);
  const driver = create ? await engine.connect(connection, { create: true }) : await engine.connectToRead(connection);
  try {
    return await work(driver);
  } finally {
    await driver.close();
  }
}
