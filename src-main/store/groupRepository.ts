// Groups of connections that take the same migrations (a database per tenant or client), in the
// order their members were added: a rollout goes through them in that order.
import { randomUUID } from 'node:crypto';
import { SwitchyardError } from '../../src-shared/errors';
import type { Group, ValidGroupInput } from '../../src-shared/model/project';
import type { StoreDatabase } from './openStore';

interface GroupRow {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
}

export function noSuchGroup(nameOrId: string): SwitchyardError {
  return new SwitchyardError('E_NOT_FOUND', `No group named "${nameOrId}" (switchyard groups list shows them).`);
}

export class GroupRepository {
  constructor(private readonly db: StoreDatabase) {}

  list(): Group[] {
    const rows = this.db.prepare('SELECT * FROM connection_groups ORDER BY name COLLATE NOCASE').all() as GroupRow[];
    return rows.map((row) => this.toGroup(row));
  }

  get(id: string): Group {
    const row = this.db.prepare('SELECT * FROM connection_groups WHERE id = ?').get(id) as GroupRow | undefined;
    if (!row) throw noSuchGroup(id);
    return this.toGroup(row);
  }

  /** By name (any case), else by id: what a person or a script names it by. */
  findByNameOrId(nameOrId: string): Group | undefined {
    const row = this.db
      .prepare('SELECT * FROM connection_groups WHERE name = ? COLLATE NOCASE OR id = ? ORDER BY name = ? COLLATE NOCASE DESC LIMIT 1')
      .get(nameOrId, nameOrId, nameOrId) as GroupRow | undefined;
    return row && this.toGroup(row);
  }

  findByName(name: string): Group | undefined {
    const row = this.db.prepare('SELECT * FROM connection_groups WHERE name = ? COLLATE NOCASE').get(name) as GroupRow | undefined;
    return row && this.toGroup(row);
  }

  create(input: ValidGroupInput): Group {
    const id = randomUUID();
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.named(input.name, () =>
        this.db.prepare('INSERT INTO connection_groups (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(id, input.name, now, now),
      );
      this.writeMembers(id, input.profileIds);
    })();
    return this.get(id);
  }

  /** Replaces the name and the members, in the order given. */
  update(id: string, input: ValidGroupInput): Group {
    this.get(id);
    this.db.transaction(() => {
      this.named(input.name, () =>
        this.db.prepare('UPDATE connection_groups SET name = ?, updated_at = ? WHERE id = ?').run(input.name, new Date().toISOString(), id),
      );
      this.db.prepare('DELETE FROM connection_group_members WHERE group_id = ?').run(id);
      this.writeMembers(id, input.profileIds);
    })();
    return this.get(id);
  }

  remove(id: string): void {
    const result = this.db.prepare('DELETE FROM connection_groups WHERE id = ?').run(id);
    if (result.changes === 0) throw noSuchGroup(id);
  }

  private named(name: string, write: () => unknown): void {
    try {
      write();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new SwitchyardError('E_DUPLICATE_NAME', `A group named "${name}" already exists (names are compared ignoring case).`);
      }
      throw error;
    }
  }

  private writeMembers(id: string, profileIds: readonly string[]): void {
    const insert = this.db.prepare('INSERT INTO connection_group_members (group_id, profile_id, position) VALUES (?, ?, ?)');
    profileIds.forEach((profileId, position) => insert.run(id, profileId, position));
  }

  private toGroup(row: GroupRow): Group {
    const members = this.db.prepare('SELECT profile_id FROM connection_group_members WHERE group_id = ? ORDER BY position').all(row.id) as {
      profile_id: string;
    }[];
    return { id: row.id, name: row.name, profileIds: members.map((m) => m.profile_id), createdAt: row.created_at, updatedAt: row.updated_at };
  }
}
