// The bookkeeping statements written with each step, as literals so a step is one round trip.
import type { Driver } from '../../drivers/driver';
import { nativeTable } from './nativeTableSql';
import type { PreparedStep } from '../../runner/preparedStep';

/** `durationSql`: the duration as SQL, a number the client measured or an expression the server evaluates. */
export function bookkeepingSql(driver: Pick<Driver, 'literal'>, step: PreparedStep, appliedBy: string, durationSql: string): string {
  if (step.direction === 'down') return `DELETE FROM ${nativeTable} WHERE revision = ${driver.literal(step.revision)}`;
  return `INSERT INTO ${nativeTable} (revision, checksum, applied_by, duration_ms) VALUES (${driver.literal(step.revision)}, ${driver.literal(step.checksum)}, ${driver.literal(appliedBy)}, ${durationSql})`;
}
