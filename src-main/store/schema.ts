// The store's own schema, versioned with PRAGMA user_version and migrated forward at open.
import type { SqliteDatabase } from '../sqliteModule';
import { projectsStep, resetRecipesStep, rolloutsStep } from './steps/projectSteps';
import { sshRouteStep } from './steps/sshSteps';

export interface StoreMigration {
  version: number;
  description: string;
  sql: string;
  /** Data the step moves, run after its SQL in the same transaction. */
  run?: (db: SqliteDatabase) => void;
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
  {
    version: 4,
    description: 'snapshots belong to the database, record its shape and a creating state; a journal of running resets',
    sql: `
      -- The database a snapshot copies, whichever profile took it: "postgres://host:port/database" or "sqlite:<path>".
      ALTER TABLE snapshots ADD COLUMN database_key TEXT NOT NULL DEFAULT '';
      -- 'creating' is written before the copy starts, so a killed copy is never invisible.
      ALTER TABLE snapshots ADD COLUMN state TEXT NOT NULL DEFAULT 'ready';
      -- The process making a 'creating' copy: while it lives, the copy is in progress, not orphaned.
      ALTER TABLE snapshots ADD COLUMN creator_pid INTEGER;
      ALTER TABLE snapshots ADD COLUMN owner TEXT;
      ALTER TABLE snapshots ADD COLUMN encoding TEXT;
      ALTER TABLE snapshots ADD COLUMN collation TEXT;
      ALTER TABLE snapshots ADD COLUMN ctype TEXT;
      UPDATE snapshots SET database_key = (
        SELECT CASE p.engine WHEN 'postgres' THEN 'postgres://' || lower(p.host) || ':' || p.port || '/' || p.database ELSE 'sqlite:' || p.sqlite_path END
        FROM profiles p WHERE p.id = snapshots.profile_id
      ) WHERE profile_id IN (SELECT id FROM profiles);
      -- CLI --url targets were keyed "url:sqlite:<path>" or "url:<user>@<host>:<port>/<database>".
      UPDATE snapshots SET database_key = substr(profile_id, 5) WHERE profile_id LIKE 'url:sqlite:%';
      UPDATE snapshots SET database_key = 'postgres://'
          || lower(substr(substr(profile_id, instr(profile_id, '@') + 1), 1, instr(substr(profile_id, instr(profile_id, '@') + 1), '/') - 1))
          || substr(substr(profile_id, instr(profile_id, '@') + 1), instr(substr(profile_id, instr(profile_id, '@') + 1), '/'))
        WHERE database_key = '' AND profile_id LIKE 'url:%@%/%';
      CREATE INDEX snapshots_by_database ON snapshots (database_key, created_at);
      -- One row per reset in progress, updated before each step and deleted at its end: a row left
      -- behind is a reset that was killed, and says at which step.
      CREATE TABLE reset_journal (
        id TEXT PRIMARY KEY,
        database_key TEXT NOT NULL,
        connection TEXT NOT NULL,
        started_at TEXT NOT NULL,
        steps TEXT NOT NULL,
        step_index INTEGER NOT NULL DEFAULT 0,
        snapshot_id TEXT,
        pid INTEGER NOT NULL
      );
    `,
  },
  {
    version: 5,
    description: 'audit entries carry the id of the profile they are about, so a renamed profile keeps its history',
    sql: `
      -- The log is append-only; the trigger steps aside only for this one-time backfill.
      DROP TRIGGER audit_log_no_update;
      ALTER TABLE audit_log ADD COLUMN profile_id TEXT;
      -- A profile's own entries recorded its id; any other entry is about the profile its target names.
      UPDATE audit_log SET profile_id = CASE
          WHEN action LIKE 'profile.%' AND json_extract(detail, '$.id') IS NOT NULL THEN json_extract(detail, '$.id')
          ELSE (SELECT p.id FROM profiles p WHERE p.name = audit_log.target)
        END;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE INDEX audit_log_by_profile ON audit_log (profile_id, seq);
      -- Entries written before this step were hashed without a profile id; from this one on, the id is
      -- part of the hash, so it cannot be changed behind Switchyard's back either.
      INSERT INTO settings (key, value) SELECT 'audit.profileIdHashedFrom', COALESCE(MAX(seq), 0) + 1 FROM audit_log;
    `,
  },
  {
    version: 6,
    description: "each profile's project binding keeps the rules that set another application's objects apart from drift",
    sql: `
      -- One row per profile whose rules were ever edited; none: no object is set apart.
      CREATE TABLE project_exclusions (
        profile_id TEXT PRIMARY KEY REFERENCES profiles(id) ON DELETE CASCADE,
        rules TEXT NOT NULL
      );
    `,
  },
  projectsStep,
  rolloutsStep,
  resetRecipesStep,
  sshRouteStep,
];

export const storeSchemaVersion = Math.max(...storeMigrations.map((m) => m.version));
