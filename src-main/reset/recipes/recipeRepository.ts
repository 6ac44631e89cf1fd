// Saved reset recipes (store step 9's reset_recipes). A recipe's scope is kept by the ids of its
// project or group, so renaming one keeps its recipes; it is read back with the names they have now.
// Whether a connection is in a recipe's scope, and which project folder it runs with, is read here
// from the projects' and groups' tables (store step 7), in one query each.
import { randomUUID } from 'node:crypto';
import { SwitchyardError } from '../../../src-shared/errors';
import type { RecipeScope, ResetRecipe, SnapshotSkipper, ValidRecipeInput } from '../../../src-shared/model/resetRecipe';
import type { ProjectFormatChoice } from '../../../src-shared/model/profile';
import type { ResetMode } from '../../../src-shared/model/reset';
import type { StoreDatabase } from '../../store/openStore';

/** The scope as stored: ids, with the names they had when saved (said when the project or group is gone). */
type StoredScope = { projectId: string; project: string; env: string } | { groupId: string; group: string };

interface StoredRequest {
  mode: ResetMode;
  to?: string;
  snapshotName?: string;
  seedFile?: string;
  snapshotSkip: SnapshotSkipper;
}

interface RecipeRow {
  id: string;
  name: string;
  scope: string;
  request: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** The project a connection of a project-scoped recipe runs with: its folder, format and Alembic command. */
export interface ScopeProject {
  dir: string;
  format: ProjectFormatChoice;
  alembicCommand: string;
}

export function noSuchRecipe(nameOrId: string): SwitchyardError {
  return new SwitchyardError('E_NOT_FOUND', `No reset recipe named "${nameOrId}" (switchyard recipes list shows them).`);
}

export class RecipeRepository {
  constructor(private readonly db: StoreDatabase) {}

  list(): ResetRecipe[] {
    const rows = this.db.prepare('SELECT * FROM reset_recipes ORDER BY name COLLATE NOCASE').all() as RecipeRow[];
    return rows.map((row) => this.toRecipe(row));
  }

  /** By id, or by name (any case). */
  find(nameOrId: string): ResetRecipe | undefined {
    const row = this.db
      .prepare('SELECT * FROM reset_recipes WHERE id = ? OR name = ? COLLATE NOCASE ORDER BY id = ? DESC LIMIT 1')
      .get(nameOrId, nameOrId, nameOrId) as RecipeRow | undefined;
    return row && this.toRecipe(row);
  }

  get(nameOrId: string): ResetRecipe {
    const found = this.find(nameOrId);
    if (!found) throw noSuchRecipe(nameOrId);
    return found;
  }

  /** Creates the recipe, or replaces the one of `id`; the scope's project and environment, or group, must exist. */
  save(input: ValidRecipeInput, actor: string, id?: string): ResetRecipe {
    const scope = JSON.stringify(this.storedScope(input.scope));
    const request: StoredRequest = {
      mode: input.mode,
      ...(input.to ? { to: input.to } : {}),
      ...(input.snapshotName ? { snapshotName: input.snapshotName } : {}),
      ...(input.seedFile ? { seedFile: input.seedFile } : {}),
      snapshotSkip: input.snapshotSkip,
    };
    const now = new Date().toISOString();
    const recipeId = id ?? randomUUID();
    try {
      if (id === undefined) {
        this.db
          .prepare('INSERT INTO reset_recipes (id, name, scope, request, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(recipeId, input.name, scope, JSON.stringify(request), actor, now, now);
      } else {
        this.get(id);
        this.db
          .prepare('UPDATE reset_recipes SET name = ?, scope = ?, request = ?, updated_at = ? WHERE id = ?')
          .run(input.name, scope, JSON.stringify(request), now, id);
      }
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
        throw new SwitchyardError(
          'E_DUPLICATE_NAME',
          `A reset recipe named "${input.name}" already exists: choose another name, or edit that one. Nothing was saved.`,
        );
      throw error;
    }
    return this.get(recipeId);
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM reset_recipes WHERE id = ?').run(id);
  }

  /** Whether the connection is one of the scope's: a member of the project's environment (any role), or of the group. */
  includes(recipe: ResetRecipe, profileId: string): boolean {
    const stored = this.storedScopeOf(recipe.id);
    const row =
      'groupId' in stored
        ? this.db.prepare('SELECT 1 FROM connection_group_members WHERE group_id = ? AND profile_id = ?').get(stored.groupId, profileId)
        : this.db
            .prepare('SELECT 1 FROM project_environment_members WHERE project_id = ? AND environment = ? COLLATE NOCASE AND profile_id = ?')
            .get(stored.projectId, stored.env, profileId);
    return row !== undefined;
  }

  /** The project a project-scoped recipe runs with; undefined for a group (each connection's own binding). */
  projectOf(recipe: ResetRecipe): ScopeProject | undefined {
    const stored = this.storedScopeOf(recipe.id);
    if ('groupId' in stored) return undefined;
    const row = this.db.prepare('SELECT dir, format, alembic_command FROM projects WHERE id = ?').get(stored.projectId) as
      { dir: string; format: string; alembic_command: string } | undefined;
    return row && { dir: row.dir, format: row.format as ProjectFormatChoice, alembicCommand: row.alembic_command };
  }

  private storedScopeOf(id: string): StoredScope {
    const row = this.db.prepare('SELECT scope FROM reset_recipes WHERE id = ?').get(id) as { scope: string } | undefined;
    if (!row) throw noSuchRecipe(id);
    return JSON.parse(row.scope) as StoredScope;
  }

  private storedScope(scope: RecipeScope): StoredScope {
    if ('group' in scope) {
      const group = this.db.prepare('SELECT id, name FROM connection_groups WHERE name = ? COLLATE NOCASE').get(scope.group) as
        { id: string; name: string } | undefined;
      if (!group) throw new SwitchyardError('E_NOT_FOUND', `No group named "${scope.group}" (switchyard groups list shows them). Nothing was saved.`);
      return { groupId: group.id, group: group.name };
    }
    const project = this.db.prepare('SELECT id, name FROM projects WHERE name = ? COLLATE NOCASE').get(scope.project) as
      { id: string; name: string } | undefined;
    if (!project) throw new SwitchyardError('E_NOT_FOUND', `No project named "${scope.project}" (switchyard projects list shows them). Nothing was saved.`);
    const env = this.db.prepare('SELECT name FROM project_environments WHERE project_id = ? AND name = ? COLLATE NOCASE').get(project.id, scope.env) as
      { name: string } | undefined;
    if (!env)
      throw new SwitchyardError(
        'E_NOT_FOUND',
        `The project ${project.name} has no environment "${scope.env}" (switchyard projects show ${project.name} lists them). Nothing was saved.`,
      );
    return { projectId: project.id, project: project.name, env: env.name };
  }

  /** The scope with today's names, or why it is gone. */
  private scopeNow(stored: StoredScope): { scope: RecipeScope; gone?: string } {
    if ('groupId' in stored) {
      const group = this.db.prepare('SELECT name FROM connection_groups WHERE id = ?').get(stored.groupId) as { name: string } | undefined;
      return group ? { scope: { group: group.name } } : { scope: { group: stored.group }, gone: `its group ${stored.group} was removed` };
    }
    const project = this.db.prepare('SELECT name FROM projects WHERE id = ?').get(stored.projectId) as { name: string } | undefined;
    if (!project) return { scope: { project: stored.project, env: stored.env }, gone: `its project ${stored.project} was removed` };
    const env = this.db.prepare('SELECT name FROM project_environments WHERE project_id = ? AND name = ? COLLATE NOCASE').get(stored.projectId, stored.env) as
      { name: string } | undefined;
    return env
      ? { scope: { project: project.name, env: env.name } }
      : { scope: { project: project.name, env: stored.env }, gone: `the project ${project.name} has no environment ${stored.env} any more` };
  }

  private toRecipe(row: RecipeRow): ResetRecipe {
    const { scope, gone } = this.scopeNow(JSON.parse(row.scope) as StoredScope);
    const request = JSON.parse(row.request) as StoredRequest;
    return {
      id: row.id,
      name: row.name,
      scope,
      ...request,
      ...(gone ? { scopeGone: gone } : {}),
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}
