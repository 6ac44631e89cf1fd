// The bookkeeping statements written with each step, as literals so a step is one round trip.
import type { Driver } from '../drivers/driver';
import type { PreparedStep } from './preparedStep';
import { nativeTable } from './versionTables';

/** On PostgreSQL the duration is measured by the server, inside the same script as the body. */
const serverDuration = '(extract(epoch FROM clock_timestamp() - statement_timestamp()) * 1000)::int';

export function bookkeepingSql(driver: Pick<Driver, 'engine' | 'literal'>, step: PreparedStep, appliedBy: string, durationMs?: number): string {
  if (step.direction === 'down') return `DELETE FROM ${nativeTable} WHERE revision = ${driver.literal(step.revision)}`;
  const duration = durationMs !== undefined ? String(Math.round(durationMs)) : driver.engine === 'postgres' ? serverDuration : '0';
  return `INSERT INTO ${nativeTable} (revision, checksum, applied_by, duration_ms) VALUES (${driver.literal(step.revision)}, ${driver.literal(step.checksum)}, ${driver.literal(appliedBy)}, ${duration})`;
}
