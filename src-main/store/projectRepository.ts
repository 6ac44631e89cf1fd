// Projects in the store: the project row, its environments in promotion order with their members,
// and its database bindings, always written together in one transaction.
import { randomUUID } from 'node:crypto';
import { SwitchyardError } from '../../src-shared/errors';
import type { ProjectFormatChoice } from '../../src-shared/model/profile';
import type { Project, ProjectEnvironment, ValidProjectInput } from '../../src-shared/model/project';
import type { StoreDatabase } from './openStore';

interface ProjectRow {
  id: string;
  name: string;
  dir: string;
  format: string;
  alembic_command: string;
  require_approval: number;
  created_at: string;
  updated_at: string;
}

interface MemberRow {
  environment: string;
  profile_id: string | null;
  role: string | null;
}

export function noSuchProject(nameOrId: string): SwitchyardError {
  return new SwitchyardError('E_NOT_FOUND', `No project named "${nameOrId}" (switchyard projects list shows them).`);
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' || (error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export class ProjectRepository {
  constructor(private readonly db: StoreDatabase) {}

  list(): Project[] {
    const rows = this.db.prepare('SELECT * FROM projects ORDER BY name COLLATE NOCASE').all() as ProjectRow[];
    return rows.map((row) => this.toProject(row));
  }

  get(id: string): Project {
    const row = this.db.prepare('SELECT * FROM projects WHERE id = ?').get(id) as ProjectRow | undefined;
    if (!row) throw noSuchProject(id);
    return this.toProject(row);
  }

  /** By name (any case), else by id: what a person or a script names it by. */
  findByNameOrId(nameOrId: string): Project | undefined {
    const row = this.db
      .prepare('SELECT * FROM projects WHERE name = ? COLLATE NOCASE OR id = ? ORDER BY name = ? COLLATE NOCASE DESC LIMIT 1')
      .get(nameOrId, nameOrId, nameOrId) as ProjectRow | undefined;
    return row && this.toProject(row);
  }

  findByName(name: string): Project | undefined {
    const row = this.db.prepare('SELECT * FROM projects WHERE name = ? COLLATE NOCASE').get(name) as ProjectRow | undefined;
    return row && this.toProject(row);
  }

  create(input: ValidProjectInput): Project {
    const id = randomUUID();
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.written(input.name, () =>
        this.db
          .prepare(
            `INSERT INTO projects (id, name, dir, format, alembic_command, require_approval, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(id, input.name, input.dir, input.format, input.alembicCommand, Number(input.requireApproval), now, now),
      );
      this.writeParts(id, input);
    })();
    return this.get(id);
  }

  /** Replaces the project whole: its fields, environments, members and bindings. */
  update(id: string, input: ValidProjectInput): Project {
    this.get(id);
    this.db.transaction(() => {
      this.written(input.name, () =>
        this.db
          .prepare('UPDATE projects SET name = ?, dir = ?, format = ?, alembic_command = ?, require_approval = ?, updated_at = ? WHERE id = ?')
          .run(input.name, input.dir, input.format, input.alembicCommand, Number(input.requireApproval), new Date().toISOString(), id),
      );
      this.db.prepare('DELETE FROM project_environments WHERE project_id = ?').run(id);
      this.db.prepare('DELETE FROM project_bindings WHERE project_id = ?').run(id);
      this.writeParts(id, input);
    })();
    return this.get(id);
  }

  remove(id: string): void {
    const result = this.db.prepare('DELETE FROM projects WHERE id = ?').run(id);
    if (result.changes === 0) throw noSuchProject(id);
  }

  private written(name: string, write: () => unknown): void {
    try {
      write();
    } catch (error) {
      if (isUniqueViolation(error))
        throw new SwitchyardError('E_DUPLICATE_NAME', `A project named "${name}" already exists (names are compared ignoring case).`);
      throw error;
    }
  }

  private writeParts(id: string, input: ValidProjectInput): void {
    const environment = this.db.prepare('INSERT INTO project_environments (project_id, name, position) VALUES (?, ?, ?)');
    const member = this.db.prepare('INSERT INTO project_environment_members (project_id, environment, profile_id, role, position) VALUES (?, ?, ?, ?, ?)');
    const binding = this.db.prepare('INSERT INTO project_bindings (project_id, label, role) VALUES (?, ?, ?)');
    input.environments.forEach((env, position) => {
      environment.run(id, env.name, position);
      env.members.forEach((m, memberPosition) => member.run(id, env.name, m.profileId, m.role, memberPosition));
    });
    for (const b of input.bindings) binding.run(id, b.label, b.role);
  }

  private toProject(row: ProjectRow): Project {
    const members = this.db
      .prepare(
        `SELECT e.name AS environment, m.profile_id, m.role FROM project_environments e
         LEFT JOIN project_environment_members m ON m.project_id = e.project_id AND m.environment = e.name
         WHERE e.project_id = ? ORDER BY e.position, m.position`,
      )
      .all(row.id) as MemberRow[];
    const environments: ProjectEnvironment[] = [];
    for (const m of members) {
      let env = environments.at(-1);
      if (env?.name !== m.environment) {
        env = { name: m.environment, members: [] };
        environments.push(env);
      }
      // An environment whose every connection was removed stays, empty (LEFT JOIN gives one null row).
      if (m.profile_id !== null && m.role !== null) env.members.push({ profileId: m.profile_id, role: m.role });
    }
    const bindings = this.db.prepare('SELECT label, role FROM project_bindings WHERE project_id = ? ORDER BY rowid').all(row.id) as Project['bindings'];
    return {
      id: row.id,
      name: row.name,
      dir: row.dir,
      // Written from validated input only.
      format: row.format as ProjectFormatChoice,
      alembicCommand: row.alembic_command,
      requireApproval: row.require_approval === 1,
      environments,
      bindings,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}
