// Opens a connection to a target database through its engine.
import { SwitchyardError } from '../../src-shared/errors';
import type { ConnectOptions } from '../engines/engine';
import { engineFor } from '../engines/engineFor';
import type { ConnectionTarget, Driver } from './driver';
import { routeTo } from './ssh/throughTunnel';

export function connect(target: ConnectionTarget, options: ConnectOptions = {}): Promise<Driver> {
  return engineFor(target.engine).connect(target, options);
}

/**
 * Opens, describes and closes: what "Test connection" does. Through an SSH route the tunnel is opened
 * first, so each host's outcome (reached, authenticated, forwarded) is reported before the database's,
 * and a database that then refuses says how far the route got (detail.tunnel).
 */
export async function testConnection(target: ConnectionTarget) {
  const route = await routeTo(target);
  try {
    const driver = await connect(target);
    try {
      const described = await driver.describe();
      return route.lease ? { ...described, tunnel: route.lease.tunnel } : described;
    } finally {
      await driver.close();
    }
  } catch (error) {
    if (route.lease && error instanceof SwitchyardError && error.detail === undefined)
      throw new SwitchyardError(error.code, error.message, { tunnel: route.lease.tunnel });
    throw error;
  } finally {
    route.lease?.release();
  }
}
