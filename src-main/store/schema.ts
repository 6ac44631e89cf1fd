// The store's own schema, versioned with PRAGMA user_version and migrated forward at open.

export interface StoreMigration {
  version: number;
  description: string;
  sql: string;
}

export const storeMigrations: StoreMigration[] = [
  {
    version: 1,
    description: 'profiles, secrets kept apart, append-only audit log, settings',
    sql: `
      CREATE TABLE profiles (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        environment TEXT NOT NULL,
        engine TEXT NOT NULL,
        host TEXT NOT NULL DEFAULT '',
        port INTEGER NOT NULL DEFAULT 5432,
        database TEXT NOT NULL DEFAULT '',
        user TEXT NOT NULL DEFAULT '',
        ssl_mode TEXT NOT NULL DEFAULT 'disable',
        ssl_ca_file TEXT NOT NULL DEFAULT '',
        sqlite_path TEXT NOT NULL DEFAULT '',
        read_only INTEGER NOT NULL DEFAULT 0,
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      -- Secrets live apart so that no query over profiles can ever carry one out by accident.
      CREATE TABLE profile_secrets (
        profile_id TEXT PRIMARY KEY REFERENCES profiles(id) ON DELETE CASCADE,
        password TEXT NOT NULL
      );
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    description: 'bind a migration project (folder, format, alembic command) to each profile',
    sql: `
      ALTER TABLE profiles ADD COLUMN project_dir TEXT NOT NULL DEFAULT '';
      ALTER TABLE profiles ADD COLUMN project_format TEXT NOT NULL DEFAULT 'auto';
      ALTER TABLE profiles ADD COLUMN alembic_command TEXT NOT NULL DEFAULT '';
    `,
  },
  {
    version: 3,
    description: 'snapshots per connection (template database or backup file)',
    sql: `
      -- profile_id is a profile's id, or "url:<connection>" for a CLI --url target (no profile to point at).
      CREATE TABLE snapshots (
        id TEXT PRIMARY KEY,
        profile_id TEXT NOT NULL,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        heads TEXT NOT NULL,
        engine TEXT NOT NULL,
        location TEXT NOT NULL
      );
      CREATE INDEX snapshots_by_profile ON snapshots (profile_id, created_at);
    `,
  },
];

export const storeSchemaVersion = Math.max(...storeMigrations.map((m) => m.version));
