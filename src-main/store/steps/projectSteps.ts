// Store steps 7–9: projects with their environments, bindings and groups (step 7 also turns each
// profile's project binding into a project), fleet rollouts with their per-database journal (step 8),
// and saved reset recipes (step 9).
import { randomUUID } from 'node:crypto';
import { basename, dirname } from 'node:path';
import type { SqliteDatabase as StoreDatabase } from '../../sqliteModule';

/** Promotion order of the environments a profile can be marked with. */
const environmentOrder = ['dev', 'test', 'staging', 'prod', 'demo'];
/** Folder names that say nothing of the project: the folder above them names it. */
const genericFolders = new Set(['migrations', 'migration', 'alembic', 'db', 'sql', 'schema', 'database', 'versions']);

/** A project name (letters, digits, '.', '_', '-') for a folder, unique among `taken` (lower-cased). */
export function projectNameForFolder(dir: string, taken: Set<string>): string {
  const base = basename(dir);
  const raw = genericFolders.has(base.toLowerCase()) && basename(dirname(dir)) ? `${basename(dirname(dir))}-${base}` : base;
  const cleaned =
    raw
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[^A-Za-z0-9]+/, '')
      .slice(0, 90) || 'project';
  let name = cleaned;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${cleaned}-${n}`;
  taken.add(name.toLowerCase());
  return name;
}

interface BoundProfile {
  id: string;
  environment: string;
  project_dir: string;
  project_format: string;
  alembic_command: string;
}

/**
 * Step 7's data: every distinct project binding (folder, format, Alembic command) of the profiles
 * becomes a project; its environments are the profiles' environments in promotion order, each with
 * the profiles bound to it. The profiles keep their own binding, so nothing that worked stops working.
 */
export function projectsFromProfileBindings(db: StoreDatabase): void {
  const bound = db
    .prepare(
      `SELECT id, environment, project_dir, project_format, alembic_command FROM profiles
       WHERE project_dir <> '' ORDER BY created_at, id`,
    )
    .all() as BoundProfile[];
  const byBinding = new Map<string, BoundProfile[]>();
  for (const profile of bound) {
    const key = JSON.stringify([profile.project_dir, profile.project_format, profile.alembic_command]);
    byBinding.set(key, [...(byBinding.get(key) ?? []), profile]);
  }
  const taken = new Set<string>();
  const now = new Date().toISOString();
  const insertProject = db.prepare(
    `INSERT INTO projects (id, name, dir, format, alembic_command, require_approval, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 0, ?, ?)`,
  );
  const insertEnvironment = db.prepare('INSERT INTO project_environments (project_id, name, position) VALUES (?, ?, ?)');
  const insertMember = db.prepare('INSERT INTO project_environment_members (project_id, environment, profile_id, role, position) VALUES (?, ?, ?, ?, ?)');
  for (const profiles of byBinding.values()) {
    const first = profiles[0]!;
    const projectId = randomUUID();
    insertProject.run(projectId, projectNameForFolder(first.project_dir, taken), first.project_dir, first.project_format, first.alembic_command, now, now);
    const environments = [...new Set(profiles.map((p) => p.environment))].sort((a, b) => environmentOrder.indexOf(a) - environmentOrder.indexOf(b));
    environments.forEach((environment, position) => {
      insertEnvironment.run(projectId, environment, position);
      profiles
        .filter((p) => p.environment === environment)
        .forEach((p, memberPosition) => insertMember.run(projectId, environment, p.id, 'main', memberPosition));
    });
  }
}

export const projectsStep = {
  version: 7,
  description: "projects with their environments in promotion order, database bindings and groups; each profile's project binding becomes a project",
  sql: `
    CREATE TABLE projects (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      dir TEXT NOT NULL,
      format TEXT NOT NULL DEFAULT 'auto',
      alembic_command TEXT NOT NULL DEFAULT '',
      -- Promotions to production need a second person's name and note.
      require_approval INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    -- In promotion order (position 0 first).
    CREATE TABLE project_environments (
      project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      name TEXT NOT NULL COLLATE NOCASE,
      position INTEGER NOT NULL,
      PRIMARY KEY (project_id, name)
    );
    CREATE TABLE project_environment_members (
      project_id TEXT NOT NULL,
      environment TEXT NOT NULL COLLATE NOCASE,
      profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
      -- The database this connection is in the environment ('main' without bindings).
      role TEXT NOT NULL DEFAULT 'main',
      position INTEGER NOT NULL,
      PRIMARY KEY (project_id, environment, profile_id),
      FOREIGN KEY (project_id, environment) REFERENCES project_environments(project_id, name) ON DELETE CASCADE ON UPDATE CASCADE
    );
    -- A branch label (or version location) whose revisions live on the database of a role.
    CREATE TABLE project_bindings (
      project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      label TEXT NOT NULL,
      role TEXT NOT NULL,
      PRIMARY KEY (project_id, label)
    );
    CREATE TABLE connection_groups (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE connection_group_members (
      group_id TEXT NOT NULL REFERENCES connection_groups(id) ON DELETE CASCADE,
      profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      PRIMARY KEY (group_id, profile_id)
    );
  `,
  run: projectsFromProfileBindings,
};

export const rolloutsStep = {
  version: 8,
  description: 'fleet rollouts and their per-database journal, so an interrupted rollout resumes without applying anything twice',
  sql: `
    CREATE TABLE rollouts (
      id TEXT PRIMARY KEY,
      project_id TEXT REFERENCES projects(id) ON DELETE SET NULL,
      -- What was asked: { project, group | env, target, concurrency, continueOnError }, as JSON.
      request TEXT NOT NULL,
      -- running | interrupted | done | failed | cancelled
      state TEXT NOT NULL,
      actor TEXT NOT NULL,
      -- The process running it (pid on host): a rollout found running whose process is gone is interrupted.
      owner_pid INTEGER,
      owner_host TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      finished_at TEXT
    );
    CREATE TABLE rollout_items (
      rollout_id TEXT NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,
      profile_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      -- Kept for the summary should the profile be removed later.
      profile_name TEXT NOT NULL,
      -- waiting | running | locked | done | failed | stopped | skipped | cancelled
      state TEXT NOT NULL,
      -- JSON: the revisions applied so far, the current step, the failure (code, message, file:line).
      detail TEXT NOT NULL DEFAULT '{}',
      started_at TEXT,
      finished_at TEXT,
      PRIMARY KEY (rollout_id, profile_id)
    );
  `,
};

export const resetRecipesStep = {
  version: 9,
  description: 'saved reset recipes support staff run through the wizard without choosing anything else',
  sql: `
    CREATE TABLE reset_recipes (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      -- Where it may run: a project environment or a group, as JSON ({ project, env } | { group }).
      scope TEXT NOT NULL,
      -- The reset request it runs: mode, snapshot or migrate target, seed file, skipSnapshot (JSON).
      request TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
  `,
};
