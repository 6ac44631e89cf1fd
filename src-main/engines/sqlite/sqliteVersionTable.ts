// SQLite's dialect for the native version table: no timestamp type, so ISO-8601 text in UTC.
import type { VersionTableSql } from '../versionTableSql';

export const sqliteVersionTable: VersionTableSql = {
  appliedAtColumn: "TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
  // A dry run cannot know how long a step will take; a real run writes what the client measured.
  unmeasuredDuration: '0',
  // As goose declares its id (pressly/goose internal/dialects/sqlite3.go).
  autoNumberedId: 'INTEGER PRIMARY KEY AUTOINCREMENT',
};
