// Profiles and their secrets in the store. Secrets go in and come out only through the methods
// named for them; every other read returns `hasPassword` instead.
import { randomUUID } from 'node:crypto';
import {
  profileFieldNames,
  profileFieldTable,
  type Profile,
  type ProfileField,
  type ProfileFields,
  type ValidProfileInput,
} from '../../src-shared/model/profile';
import { SwitchyardError } from '../../src-shared/errors';
import type { SshHop } from '../../src-shared/model/sshRoute';
import { sshHopName } from '../../src-shared/model/sshRoute';
import type { StoreDatabase } from './openStore';
import { SshRouteRepository } from './sshRouteRepository';

/** A row of profiles: the table's columns, plus the secret's presence from the join. */
type ProfileRow = Record<string, string | number> & { id: string; created_at: string; updated_at: string; has_password: number };

const selectProfiles = `
  SELECT p.*, (s.profile_id IS NOT NULL) AS has_password
  FROM profiles p LEFT JOIN profile_secrets s ON s.profile_id = p.id`;

const fieldColumns = profileFieldNames.map((field) => profileFieldTable[field].column);
const insertProfile = `INSERT INTO profiles (id, ${fieldColumns.join(', ')}, created_at, updated_at)
  VALUES (@id, ${fieldColumns.map((column) => `@${column}`).join(', ')}, @now, @now)`;
const updateProfile = `UPDATE profiles SET ${fieldColumns.map((column) => `${column} = @${column}`).join(', ')}, updated_at = @now WHERE id = @id`;

function toProfile(row: ProfileRow, ssh: SshHop[]): Profile {
  const fields = Object.fromEntries(
    profileFieldNames.map((field) => {
      const spec: ProfileField = profileFieldTable[field];
      const value = row[spec.column];
      return [field, spec.kind === 'boolean' ? value === 1 : value];
    }),
  );
  return {
    // The store's columns were written from validated input, field by field, through the same table.
    ...(fields as ProfileFields),
    id: row.id,
    hasPassword: row.has_password === 1,
    ssh,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function columns(input: ValidProfileInput): Record<string, string | number> {
  return Object.fromEntries(
    profileFieldNames.map((field) => {
      const value = input[field];
      return [profileFieldTable[field].column, typeof value === 'boolean' ? Number(value) : value];
    }),
  );
}

function duplicateName(error: unknown, name: string): never {
  if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
    throw new SwitchyardError('E_DUPLICATE_NAME', `A connection named "${name}" already exists.`);
  }
  throw error;
}

export class ProfileRepository {
  private readonly routes: SshRouteRepository;

  constructor(private readonly db: StoreDatabase) {
    this.routes = new SshRouteRepository(db);
  }

  list(): Profile[] {
    const rows = this.db.prepare(`${selectProfiles} ORDER BY p.name COLLATE NOCASE`).all() as ProfileRow[];
    const routes = this.routes.all();
    return rows.map((row) => toProfile(row, routes.get(row.id) ?? []));
  }

  get(id: string): Profile {
    const row = this.db.prepare(`${selectProfiles} WHERE p.id = ?`).get(id) as ProfileRow | undefined;
    if (!row) throw new SwitchyardError('E_NOT_FOUND', 'No such connection profile (it may have been deleted).');
    return toProfile(row, this.routes.of(row.id));
  }

  findByName(name: string): Profile | undefined {
    const row = this.db.prepare(`${selectProfiles} WHERE p.name = ? COLLATE NOCASE`).get(name) as ProfileRow | undefined;
    return row && toProfile(row, this.routes.of(row.id));
  }

  create(input: ValidProfileInput): Profile {
    const id = randomUUID();
    const now = new Date().toISOString();
    this.db.transaction(() => {
      try {
        this.db.prepare(insertProfile).run({ id, now, ...columns(input) });
      } catch (error) {
        duplicateName(error, input.name);
      }
      if (input.password) this.setPassword(id, input.password);
      this.writeRoute(id, input);
    })();
    return this.get(id);
  }

  update(id: string, input: ValidProfileInput): Profile {
    this.get(id);
    this.db.transaction(() => {
      try {
        this.db.prepare(updateProfile).run({ id, now: new Date().toISOString(), ...columns(input) });
      } catch (error) {
        duplicateName(error, input.name);
      }
      if (input.password === null || input.password === '') this.clearPassword(id);
      else if (input.password !== undefined) this.setPassword(id, input.password);
      this.writeRoute(id, input);
    })();
    return this.get(id);
  }

  remove(id: string): void {
    const result = this.db.prepare('DELETE FROM profiles WHERE id = ?').run(id);
    if (result.changes === 0) throw new SwitchyardError('E_NOT_FOUND', 'No such connection profile (it may have been deleted).');
  }

  password(id: string): string | undefined {
    const row = this.db.prepare('SELECT password FROM profile_secrets WHERE profile_id = ?').get(id) as { password: string } | undefined;
    return row?.password;
  }

  /** Each SSH host's passphrase or password, in chain order: for the connection only, never shown. */
  sshSecrets(id: string): (string | undefined)[] {
    return this.routes.secrets(id);
  }

  /** Pins the host key of the profile's SSH host at `position` (0: the outermost). */
  pinHostKey(id: string, position: number, fingerprint: string): Profile {
    if (!this.routes.pin(id, position, fingerprint)) throw new SwitchyardError('E_NOT_FOUND', `This connection has no SSH host number ${position + 1}.`);
    return this.get(id);
  }

  /** A route given replaces the stored one; a password host left without its password is refused (the transaction rolls back). */
  private writeRoute(id: string, input: ValidProfileInput): void {
    if (input.ssh === undefined) return;
    this.routes.replace(id, input.ssh);
    const lacking = this.routes.of(id).find((hop) => hop.auth === 'password' && !hop.hasSecret);
    if (lacking) {
      throw new SwitchyardError('E_PASSWORD_REQUIRED', `The SSH password of ${sshHopName(lacking)} is needed: give it with the host. Nothing was changed.`);
    }
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
