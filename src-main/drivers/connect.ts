// Opens a connection to a target database through its engine.
import type { ConnectOptions } from '../engines/engine';
import { engineFor } from '../engines/engineFor';
import type { ConnectionTarget, Driver } from './driver';

export function connect(target: ConnectionTarget, options: ConnectOptions = {}): Promise<Driver> {
  return engineFor(target.engine).connect(target, options);
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
