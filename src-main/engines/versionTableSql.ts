// What the bookkeeping tables need from an engine's SQL dialect: a leaf, so the formats (which write
// bookkeeping) and the engines (which implement it) both import it without a cycle.

/** What the native version table (switchyard_migrations) and the formats' bookkeeping need from the engine's SQL dialect. */
export interface VersionTableSql {
  /** The applied_at column's type and default. */
  readonly appliedAtColumn: string;
  /** The duration written when the client has not measured one (the dry run shows it). */
  readonly unmeasuredDuration: string;
  /** A row id the database numbers itself, as a tool's bookkeeping declares it (goose_db_version.id). */
  readonly autoNumberedId: string;
}
