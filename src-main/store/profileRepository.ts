// Profiles and their secrets in the store. Secrets go in and come out only through the methods
// named for them; every other read returns `hasPassword` instead.
import { randomUUID } from 'node:crypto';
import type { Profile, ValidProfileInput } from '../../src-shared/model/profile';
import { SwitchyardError } from '../../src-shared/errors';
import type { StoreDatabase } from './openStore';

interface ProfileRow {
  id: string;
  name: string;
  environment: Profile['environment'];
  engine: Profile['engine'];
  host: string;
  port: number;
  database: string;
  user: string;
  ssl_mode: Profile['sslMode'];
  ssl_ca_file: string;
  sqlite_path: string;
  read_only: number;
  notes: string;
  project_dir: string;
  project_format: Profile['projectFormat'];
  alembic_command: string;
  created_at: string;
  updated_at: string;
  has_password: number;
}

const selectProfiles = `
  SELECT p.*, (s.profile_id IS NOT NULL) AS has_password
  FROM profiles p LEFT JOIN profile_secrets s ON s.profile_id = p.id`;

function toProfile(row: ProfileRow): Profile {
  return {
    id: row.id,
    name: row.name,
    environment: row.environment,
    engine: row.engine,
    host: row.host,
    port: row.port,
    database: row.database,
    user: row.user,
    sslMode: row.ssl_mode,
    sslCaFile: row.ssl_ca_file,
    sqlitePath: row.sqlite_path,
    readOnly: row.read_only === 1,
    notes: row.notes,
    projectDir: row.project_dir,
    projectFormat: row.project_format,
    alembicCommand: row.alembic_command,
    hasPassword: row.has_password === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function columns(input: ValidProfileInput) {
  return {
    name: input.name,
    environment: input.environment,
    engine: input.engine,
    host: input.host,
    port: input.port,
    database: input.database,
    user: input.user,
    ssl_mode: input.sslMode,
    ssl_ca_file: input.sslCaFile,
    sqlite_path: input.sqlitePath,
    read_only: input.readOnly ? 1 : 0,
    notes: input.notes,
    project_dir: input.projectDir,
    project_format: input.projectFormat,
    alembic_command: input.alembicCommand,
  };
}

function duplicateName(error: unknown, name: string): never {
  if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
    throw new SwitchyardError('E_DUPLICATE_NAME', `A connection named "${name}" already exists.`);
  }
  throw error;
}

export class ProfileRepository {
  constructor(private readonly db: StoreDatabase) {}

  list(): Profile[] {
    const rows = this.db.prepare(`${selectProfiles} ORDER BY p.name COLLATE NOCASE`).all() as ProfileRow[];
    return rows.map(toProfile);
  }

  get(id: string): Profile {
    const row = this.db.prepare(`${selectProfiles} WHERE p.id = ?`).get(id) as ProfileRow | undefined;
    if (!row) throw new SwitchyardError('E_NOT_FOUND', 'No such connection profile (it may have been deleted).');
    return toProfile(row);
  }

  findByName(name: string): Profile | undefined {
    const row = this.db.prepare(`${selectProfiles} WHERE p.name = ? COLLATE NOCASE`).get(name) as ProfileRow | undefined;
    return row && toProfile(row);
  }

  create(input: ValidProfileInput): Profile {
    const id = randomUUID();
    const now = new Date().toISOString();
    this.db.transaction(() => {
      try {
        this.db
          .prepare(
            `INSERT INTO profiles (id, name, environment, engine, host, port, database, user, ssl_mode, ssl_ca_file,
               sqlite_path, read_only, notes, project_dir, project_format, alembic_command, created_at, updated_at)
             VALUES (@id, @name, @environment, @engine, @host, @port, @database, @user, @ssl_mode, @ssl_ca_file,
               @sqlite_path, @read_only, @notes, @project_dir, @project_format, @alembic_command, @now, @now)`,
          )
          .run({ id, now, ...columns(input) });
      } catch (error) {
        duplicateName(error, input.name);
      }
      if (input.password) this.setPassword(id, input.password);
    })();
    return this.get(id);
  }

  update(id: string, input: ValidProfileInput): Profile {
    this.get(id);
    this.db.transaction(() => {
      try {
        this.db
          .prepare(
            `UPDATE profiles SET name = @name, environment = @environment, engine = @engine, host = @host, port = @port,
               database = @database, user = @user, ssl_mode = @ssl_mode, ssl_ca_file = @ssl_ca_file,
               sqlite_path = @sqlite_path, read_only = @read_only, notes = @notes, project_dir = @project_dir,
               project_format = @project_format, alembic_command = @alembic_command, updated_at = @now
             WHERE id = @id`,
          )
          .run({ id, now: new Date().toISOString(), ...columns(input) });
      } catch (error) {
        duplicateName(error, input.name);
      }
      if (input.password === null || input.password === '') this.clearPassword(id);
      else if (input.password !== undefined) this.setPassword(id, input.password);
    })();
    return this.get(id);
  }

  remove(id: string): void {
    const result = this.db.prepare('DELETE FROM profiles WHERE id = ?').run(id);
    if (result.changes === 0) throw new SwitchyardError('E_NOT_FOUND', 'No such connection profile (it may have been deleted).');
  }

  password(id: string): string | undefined {
    const row = this.db.prepare('SELECT password FROM profile_secrets WHERE profile_id = ?').get(id) as
      | { password: string }
      | undefined;
    return row?.password;
  }

  private setPassword(id: string, password: string): void {
    this.db
      .prepare('INSERT INTO profile_secrets (profile_id, password) VALUES (?, ?) ON CONFLICT (profile_id) DO UPDATE SET password = excluded.password')
      .run(id, password);
  }

  private clearPassword(id: string): void {
    this.db.prepare('DELETE FROM profile_secrets WHERE profile_id = ?').run(id);
  }
}
