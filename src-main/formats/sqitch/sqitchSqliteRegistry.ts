// sqitch's registry on SQLite: a database file of its own beside the target's (App::Sqitch::Engine::sqlite
// `registry_uri`: `sqitch.<the target's extension>`), created as sqitch creates it (Engine/sqlite.sql,
// then `_register_release`). Switchyard ATTACHes it to the target's connection as schema `sqitch`, so
// the same registry SQL as on PostgreSQL reads and writes `sqitch.changes` … on both engines.
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Engine } from '../../../src-shared/model/profile';
import type { Driver } from '../../drivers/driver';
import { tableExists } from '../bookkeepingCatalog';
import { sqitchRegistry } from './sqitchConfig';
import { registryRelease } from './sqitchRegistry';

/** The registry file sqitch uses for a database file: `sqitch` plus the target's extension (shop.db → sqitch.db). */
export function sqliteRegistryPath(databaseFile: string): string {
  const name = basename(databaseFile);
  const dot = name.indexOf('.');
  return join(dirname(databaseFile), dot < 0 ? sqitchRegistry : `${sqitchRegistry}.${name.slice(dot + 1)}`);
}

/**
 * ATTACHes the registry file as schema `sqitch` when it is not already; a missing file is created only when
 * `create` (a run, as `sqitch deploy` creates it), otherwise it stays unattached. True when attached.
 */
export async function attachSqliteRegistry(driver: Driver, create: boolean): Promise<boolean> {
  const attached = await driver.query<{ name: string; file: string }>('PRAGMA database_list');
  if (attached.some((d) => d.name === sqitchRegistry)) return true;
  const main = attached.find((d) => d.name === 'main')?.file ?? '';
  // An in-memory database has no folder for sqitch to put its registry in.
  if (main === '') return false;
  const path = sqliteRegistryPath(main);
  if (!create && !existsSync(path)) return false;
  await driver.execScript(`ATTACH DATABASE ${driver.literal(path)} AS ${sqitchRegistry}`);
  return true;
}

/** sqitch's registry table `name` exists, on either engine (on SQLite, in the registry file when there is one). */
export async function sqitchTableExists(driver: Driver, name: 'changes' | 'releases'): Promise<boolean> {
  return tableExistsOn[driver.engine](driver, name);
}

const tableExistsOn: Record<Engine, (driver: Driver, name: string) => Promise<boolean>> = {
  postgres: (driver, name) => tableExists(driver, `${sqitchRegistry}.${name}`),
  async sqlite(driver, name) {
    if (!(await attachSqliteRegistry(driver, false))) return false;
    const rows = await driver.query(`SELECT 1 FROM ${sqitchRegistry}.sqlite_schema WHERE type = 'table' AND name = ${driver.literal(name)}`);
    return rows.length > 0;
  },
};

/**
 * Before a run or a status: the registry reachable on the connection. On SQLite its file is attached, created when
 * missing as sqitch's own connection to it creates it (`sqitch status` too); a read-only connection that cannot
 * create it reads no registry.
 */
export const openRegistry: Record<Engine, (driver: Driver) => Promise<void>> = {
  postgres: async () => undefined,
  async sqlite(driver) {
    await attachSqliteRegistry(driver, true).catch(() => false);
  },
};

const sqliteTables = `CREATE TABLE IF NOT EXISTS sqitch.releases (
    version         FLOAT       PRIMARY KEY,
    installed_at    DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    installer_name  TEXT        NOT NULL,
    installer_email TEXT        NOT NULL
);

CREATE TABLE IF NOT EXISTS sqitch.projects (
    project         TEXT        PRIMARY KEY,
    uri             TEXT            NULL UNIQUE,
    created_at      DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    creator_name    TEXT        NOT NULL,
    creator_email   TEXT        NOT NULL
);

CREATE TABLE IF NOT EXISTS sqitch.changes (
    change_id       TEXT        PRIMARY KEY,
    script_hash     TEXT            NULL,
    change          TEXT        NOT NULL,
    project         TEXT        NOT NULL REFERENCES projects(project) ON UPDATE CASCADE,
    note            TEXT        NOT NULL DEFAULT '',
    committed_at    DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    committer_name  TEXT        NOT NULL,
    committer_email TEXT        NOT NULL,
    planned_at      DATETIME    NOT NULL,
    planner_name    TEXT        NOT NULL,
    planner_email   TEXT        NOT NULL,
    UNIQUE(project, script_hash)
);

CREATE TABLE IF NOT EXISTS sqitch.tags (
    tag_id          TEXT        PRIMARY KEY,
    tag             TEXT        NOT NULL,
    project         TEXT        NOT NULL REFERENCES projects(project) ON UPDATE CASCADE,
    change_id       TEXT        NOT NULL REFERENCES changes(change_id) ON UPDATE CASCADE,
    note            TEXT        NOT NULL DEFAULT '',
    committed_at    DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    committer_name  TEXT        NOT NULL,
    committer_email TEXT        NOT NULL,
    planned_at      DATETIME    NOT NULL,
    planner_name    TEXT        NOT NULL,
    planner_email   TEXT        NOT NULL,
    UNIQUE(project, tag)
);

CREATE TABLE IF NOT EXISTS sqitch.dependencies (
    change_id       TEXT        NOT NULL REFERENCES changes(change_id) ON UPDATE CASCADE ON DELETE CASCADE,
    type            TEXT        NOT NULL,
    dependency      TEXT        NOT NULL,
    dependency_id   TEXT            NULL REFERENCES changes(change_id) ON UPDATE CASCADE
                                         CONSTRAINT dependencies_check CHECK (
            (type = 'require'  AND dependency_id IS NOT NULL)
         OR (type = 'conflict' AND dependency_id IS NULL)
    ),
    PRIMARY KEY (change_id, dependency)
);

CREATE TABLE IF NOT EXISTS sqitch.events (
    event           TEXT        NOT NULL CONSTRAINT events_event_check CHECK (
        event IN ('deploy', 'revert', 'fail', 'merge')
    ),
    change_id       TEXT        NOT NULL,
    change          TEXT        NOT NULL,
    project         TEXT        NOT NULL REFERENCES projects(project) ON UPDATE CASCADE,
    note            TEXT        NOT NULL DEFAULT '',
    requires        TEXT        NOT NULL DEFAULT '',
    conflicts       TEXT        NOT NULL DEFAULT '',
    tags            TEXT        NOT NULL DEFAULT '',
    committed_at    DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    committer_name  TEXT        NOT NULL,
    committer_email TEXT        NOT NULL,
    planned_at      DATETIME    NOT NULL,
    planner_name    TEXT        NOT NULL,
    planner_email   TEXT        NOT NULL,
    PRIMARY KEY (change_id, committed_at)
);`;

/** The registry tables in the attached file, each created only when missing, and the release row. */
export function createSqliteRegistrySql(): string {
  return `${sqliteTables}

INSERT INTO sqitch.releases (version, installed_at, installer_name, installer_email)
  SELECT ${registryRelease}, strftime('%Y-%m-%d %H:%M:%f'), 'Switchyard', 'switchyard@localhost'
   WHERE NOT EXISTS (SELECT 1 FROM sqitch.releases);`;
}
