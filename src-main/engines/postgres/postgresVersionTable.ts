// PostgreSQL's dialect for the native version table.
import type { VersionTableSql } from '../engine';

export const postgresVersionTable: VersionTableSql = {
  appliedAtColumn: 'timestamptz NOT NULL DEFAULT now()',
  // Measured by the server, inside the same script as the step's body: no second round trip.
  unmeasuredDuration: '(extract(epoch FROM clock_timestamp() - statement_timestamp()) * 1000)::int',
};
