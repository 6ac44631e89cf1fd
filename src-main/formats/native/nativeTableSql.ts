// The native version table as SQL text: every applied revision with checksum, when, who, how long.
// Plain text from the engine's dialect, so the engines' run sessions can write it without a cycle.
import type { VersionTableSql } from '../../engines/versionTableSql';

export const nativeTable = 'switchyard_migrations';

export function createNativeTableSql(dialect: VersionTableSql): string {
  return `CREATE TABLE IF NOT EXISTS ${nativeTable} (
  revision TEXT PRIMARY KEY,
  checksum TEXT NOT NULL,
  applied_at ${dialect.appliedAtColumn},
  applied_by TEXT NOT NULL,
  duration_ms INTEGER NOT NULL
)`;
}
