// Store step 7 on a store written by the previous version (schema 6): each distinct project binding
// of the profiles becomes a project named after its folder, with the profiles' environments in
// promotion order; profiles without a binding join none; the profiles keep their own binding.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../../src-main/sqliteModule';
import { storeMigrations } from '../../../src-main/store/schema';
import { projectNameForFolder } from '../../../src-main/store/steps/projectSteps';
import { tempDir } from '../../support/tempDir';

function storeAtVersion6() {
  const db = openSqlite(join(tempDir(), 'store.db'));
  db.exec('PRAGMA foreign_keys = ON');
  for (const migration of storeMigrations.filter((m) => m.version <= 6)) db.exec(migration.sql);
  const insert = db.prepare(
    `INSERT INTO profiles (id, name, environment, engine, created_at, updated_at, project_dir, project_format, alembic_command)
     VALUES (?, ?, ?, 'postgres', ?, ?, ?, ?, ?)`,
  );
  insert.run('p-prod', 'Shop prod', 'prod', '2026-01-03', 'x', '/srv/shop/migrations', 'auto', '');
  insert.run('p-dev', 'Shop dev', 'dev', '2026-01-01', 'x', '/srv/shop/migrations', 'auto', '');
  insert.run('p-staging', 'Shop staging', 'staging', '2026-01-02', 'x', '/srv/shop/migrations', 'auto', '');
  insert.run('p-staging-2', 'Shop staging 2', 'staging', '2026-01-04', 'x', '/srv/shop/migrations', 'auto', '');
  // Same folder, another Alembic command: another project (the step cannot tell which one is right).
  insert.run('p-poetry', 'Shop via poetry', 'dev', '2026-01-05', 'x', '/srv/shop/migrations', 'alembic', 'poetry run alembic');
  insert.run('p-api', 'Api', 'test', '2026-01-06', 'x', '/home/me/api', 'dbmate', '');
  insert.run('p-loose', 'Scratch', 'dev', '2026-01-07', 'x', '', 'auto', '');
  return db;
}

describe('store step 7: project bindings become projects', () => {
  it('groups the profiles by binding, orders environments for promotion, and leaves profiles as they were', () => {
    const db = storeAtVersion6();
    const step = storeMigrations.find((m) => m.version === 7)!;
    db.transaction(() => {
      db.exec(step.sql);
      step.run?.(db);
    })();

    const projects = db.prepare('SELECT id, name, dir, format, alembic_command FROM projects ORDER BY name').all() as {
      id: string;
      name: string;
      dir: string;
      format: string;
      alembic_command: string;
    }[];
    expect(projects.map((p) => [p.name, p.dir, p.format, p.alembic_command])).toEqual([
      ['api', '/home/me/api', 'dbmate', ''],
      ['shop-migrations', '/srv/shop/migrations', 'auto', ''],
      ['shop-migrations-2', '/srv/shop/migrations', 'alembic', 'poetry run alembic'],
    ]);
    const shop = projects.find((p) => p.name === 'shop-migrations')!;
    const environments = db
      .prepare(
        `SELECT e.name, group_concat(m.profile_id, ',') AS members FROM project_environments e
         JOIN project_environment_members m ON m.project_id = e.project_id AND m.environment = e.name
         WHERE e.project_id = ? GROUP BY e.name ORDER BY e.position`,
      )
      .all(shop.id);
    expect(environments).toEqual([
      { name: 'dev', members: 'p-dev' },
      { name: 'staging', members: 'p-staging,p-staging-2' },
      { name: 'prod', members: 'p-prod' },
    ]);
    expect(db.prepare(`SELECT count(*) AS n FROM project_environment_members WHERE profile_id = 'p-loose'`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT project_dir FROM profiles WHERE id = 'p-prod'`).get()).toEqual({ project_dir: '/srv/shop/migrations' });

    // A removed profile leaves its environment; a removed project takes its environments along.
    db.exec(`DELETE FROM profiles WHERE id = 'p-staging'`);
    expect(db.prepare(`SELECT count(*) AS n FROM project_environment_members WHERE environment = 'staging'`).get()).toEqual({ n: 1 });
    db.prepare('DELETE FROM projects WHERE id = ?').run(shop.id);
    expect(db.prepare('SELECT count(*) AS n FROM project_environments WHERE project_id = ?').get(shop.id)).toEqual({ n: 0 });
    db.close();
  });

  it('names a project after the folder, or the folder above a generic one, in the characters a name allows', () => {
    const taken = new Set<string>();
    expect(projectNameForFolder('/work/Client Demo/alembic', taken)).toBe('Client-Demo-alembic');
    expect(projectNameForFolder('/work/ledger', taken)).toBe('ledger');
    expect(projectNameForFolder('/elsewhere/Ledger', taken)).toBe('Ledger-2');
    expect(projectNameForFolder('/.hidden', taken)).toBe('hidden');
  });
});
