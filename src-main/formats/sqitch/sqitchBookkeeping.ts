// sqitch's registry, read and written as sqitch v1.3.1 does (App::Sqitch::Role::DBIEngine
// `log_deploy_change`, `log_revert_change`, `_log_event`; App::Sqitch::Engine::pg for the arrays and
// clock_timestamp()), so `sqitch status`, `sqitch log`, `sqitch deploy` and `sqitch revert` take over
// where Switchyard stopped, and the other way round. On SQLite the registry is its own file, ATTACHed as
// `sqitch` (sqitchSqliteRegistry.ts), and the few engine-specific pieces of SQL are `RegistrySql` below.
import { hostname, userInfo } from 'node:os';
import type { Engine as EngineKind } from '../../../src-shared/model/profile';
import type { AppliedRecord } from '../../../src-shared/model/status';
import type { Driver } from '../../drivers/driver';
import { sqliteVersionTable } from '../../engines/sqlite/sqliteVersionTable';
import { sqitchRunRefusal } from './sqitchRunRefusal';
import { createSqliteRegistrySql, openRegistry, sqitchTableExists } from './sqitchSqliteRegistry';
import type { ProjectFiles } from '../../migrations/readers/projectFiles';
import type { PreparedStep } from '../../runner/preparedStep';
import type { SqlBookkeeping, StepRecord } from '../format';
import { sqitchChangeData, type SqitchChangeData } from './sqitchChangeData';
import { readSqitchProjectName } from './sqitchReader';
import { createRegistrySql, registryRelease, registryTable } from './sqitchRegistry';

type Literal = Pick<Driver, 'literal' | 'engine'>;

/** The registry SQL that differs by engine: App::Sqitch::Engine::pg against the DBIEngine defaults sqlite keeps. */
interface RegistrySql {
  /** `_ts_default`: the commit time of a row. */
  now: string;
  /** A planned timestamp as the engine's `_char2ts` stores it. */
  plannedAt(driver: Literal, timestamp: string): string;
  /** An event's tags, requires or conflicts: a text[] on pg, text joined by `separator` on SQLite. */
  list(driver: Literal, values: readonly string[], separator: string): string;
  /** The same, read from the registry by `select` (one column) before the rows are deleted; `planned` when it finds none. */
  listFrom(select: string, separator: string, planned: string): string;
  /** A statement that stops the step with `message` when `condition` holds. */
  refuseWhen(driver: Literal, condition: string, message: string): string;
  distinct: string;
}

const postgresSql: RegistrySql = {
  now: 'clock_timestamp()',
  plannedAt: (driver, timestamp) => driver.literal(timestamp),
  list: (driver, values) => (values.length === 0 ? `'{}'::text[]` : `ARRAY[${values.map((v) => driver.literal(v)).join(', ')}]::text[]`),
  listFrom: (select) => `ARRAY(${select})`,
  refuseWhen: (driver, condition, message) => `DO $sqitch$ BEGIN IF ${condition} THEN RAISE EXCEPTION '%', ${driver.literal(message)}; END IF; END $sqitch$`,
  distinct: 'IS DISTINCT FROM',
};

// SQLite has no DO block: a TEMP trigger (which may read the attached registry) raises the refusal when a row goes into a temp table.
const sqliteCheck = 'temp.switchyard_sqitch_check';
const sqliteSql: RegistrySql = {
  now: "strftime('%Y-%m-%d %H:%M:%f')",
  plannedAt: (driver, timestamp) => driver.literal(timestamp.replace(/^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)Z$/, '$1 $2')),
  list: (driver, values, separator) => driver.literal(values.join(separator)),
  listFrom: (select, separator, planned) =>
    `COALESCE((SELECT group_concat(v, '${separator}') FROM (${select.replace(/^SELECT (\w+)/, 'SELECT $1 AS v')})), ${planned})`,
  refuseWhen: (driver, condition, message) =>
    [
      `CREATE TEMP TABLE IF NOT EXISTS switchyard_sqitch_check (x INTEGER)`,
      `DROP TRIGGER IF EXISTS temp.switchyard_sqitch_refuse`,
      `CREATE TEMP TRIGGER switchyard_sqitch_refuse BEFORE INSERT ON switchyard_sqitch_check WHEN ${condition} BEGIN SELECT RAISE(ABORT, ${driver.literal(message)}); END`,
      `INSERT INTO ${sqliteCheck} VALUES (1)`,
      `DROP TRIGGER temp.switchyard_sqitch_refuse`,
      `DELETE FROM ${sqliteCheck}`,
    ].join(';\n'),
  distinct: 'IS NOT',
};

const registrySqlFor: Record<EngineKind, RegistrySql> = { postgres: postgresSql, sqlite: sqliteSql };
const registrySql = (driver: Literal): RegistrySql => registrySqlFor[driver.engine];

/** sqitch's default committer e-mail when none is configured: the system user at this host. */
const committerEmail = () => `${userInfo().username}@${hostname()}`;

/** A statement that stops the step, before anything of it runs, with `message` when `condition` holds. */
function refuseWhen(driver: Literal, condition: string, message: string): string {
  return registrySql(driver).refuseWhen(driver, condition, message);
}

/** A required change of another project, resolved in the registry as sqitch does (DBIEngine `change_id_for` with `first`). */
function otherProjectChange(driver: Literal, required: SqitchChangeData['requires'][number]): string {
  const l = (value: string | null) => (value === null ? 'NULL' : driver.literal(value));
  const changes = registryTable('changes');
  if (required.tag !== null) {
    return `(SELECT c.change_id FROM ${changes} c JOIN ${registryTable('tags')} t ON c.committed_at <= t.committed_at AND c.project = t.project
      WHERE c.project = ${l(required.project)} AND c.change = ${l(required.change)} AND t.tag = ${l(`@${required.tag}`)} ORDER BY c.committed_at DESC LIMIT 1)`;
  }
  return `(SELECT change_id FROM ${changes} WHERE project = ${l(required.project)} AND change = ${l(required.change)} ORDER BY committed_at LIMIT 1)`;
}

/**
 * sqitch deploys after, and reverts from, the project's last deployed change, found in the plan by its id
 * (App::Sqitch::Engine `deploy`/`revert`): a registry whose last change is another is refused as sqitch refuses it.
 */
function lastDeployedIs(driver: Literal, data: SqitchChangeData, expected: SqitchChangeData['previous']): string {
  const last = `(SELECT change_id FROM ${registryTable('changes')} WHERE project = ${driver.literal(data.project)} ORDER BY committed_at DESC LIMIT 1)`;
  const reverting = expected?.changeId === data.changeId;
  const message = reverting
    ? `sqitch: "${expected.revision}" is not the last change of project "${data.project}" deployed here, and sqitch reverts from the last one; nothing was reverted.`
    : `sqitch: ${
        expected
          ? `the last change of project "${data.project}" deployed here is not "${expected.revision}", which the plan puts before "${data.change}"`
          : `project "${data.project}" has changes deployed here, although "${data.change}" is the plan's first`
      }: the registry and the plan disagree (sqitch: Cannot find change in plan); nothing was run.`;
  return refuseWhen(driver, `${last} ${registrySql(driver).distinct} ${expected ? driver.literal(expected.changeId) : 'NULL'}`, message);
}

function deployRecord(driver: Literal, data: SqitchChangeData, committer: string): StepRecord {
  const l = (value: string | null) => (value === null ? 'NULL' : driver.literal(value));
  const { now, plannedAt } = registrySql(driver);
  const email = committerEmail();
  const undeployable =
    data.undeployable === null
      ? []
      : [refuseWhen(driver, 'TRUE', `sqitch: change "${data.change}" cannot be deployed: ${data.undeployable}. Nothing was run or recorded.`)];
  const conflicts = data.conflicts.map((conflict) =>
    refuseWhen(
      driver,
      `EXISTS (SELECT 1 FROM ${registryTable('changes')} WHERE project = ${l(conflict.project)} AND change = ${l(conflict.change)})`,
      `sqitch: change "${data.change}" conflicts with "${conflict.text}", which is deployed; revert it first. Nothing of "${data.change}" was run.`,
    ),
  );
  const dependencies = [
    ...data.requires.map((r) => `(${l(data.changeId)}, 'require', ${l(r.text)}, ${r.changeId !== null ? l(r.changeId) : otherProjectChange(driver, r)})`),
    ...data.conflicts.map((c) => `(${l(data.changeId)}, 'conflict', ${l(c.text)}, NULL)`),
  ];
  const tags = data.tags.map(
    (t) =>
      `(${l(t.tagId)}, ${l(t.tag)}, ${l(data.project)}, ${l(data.changeId)}, ${l(t.note)}, ${l(committer)}, ${l(email)}, ${plannedAt(driver, t.plannedAt)}, ${l(t.plannerName)}, ${l(t.plannerEmail)}, ${now})`,
  );
  const after = [
    `INSERT INTO ${registryTable('projects')} (project, uri, creator_name, creator_email)
  SELECT ${l(data.project)}, ${l(data.uri)}, ${l(committer)}, ${l(email)} WHERE NOT EXISTS (SELECT 1 FROM ${registryTable('projects')} WHERE project = ${l(data.project)})`,
    `INSERT INTO ${registryTable('changes')} (change_id, script_hash, change, project, note, committer_name, committer_email, planned_at, planner_name, planner_email, committed_at)
  VALUES (${l(data.changeId)}, ${l(data.scriptHash)}, ${l(data.change)}, ${l(data.project)}, ${l(data.note)}, ${l(committer)}, ${l(email)}, ${plannedAt(driver, data.plannedAt)}, ${l(data.plannerName)}, ${l(data.plannerEmail)}, ${now})`,
    ...(dependencies.length > 0
      ? [`INSERT INTO ${registryTable('dependencies')} (change_id, type, dependency, dependency_id) VALUES ${dependencies.join(', ')}`]
      : []),
    ...(tags.length > 0
      ? [
          `INSERT INTO ${registryTable('tags')} (tag_id, tag, project, change_id, note, committer_name, committer_email, planned_at, planner_name, planner_email, committed_at) VALUES ${tags.join(', ')}`,
        ]
      : []),
    eventSql(driver, 'deploy', data, committer, plannedLists(driver, data)),
  ];
  const checks = [...undeployable, lastDeployedIs(driver, data, data.previous), ...conflicts];
  return { ...(checks.length > 0 ? { before: checks.join(';\n') } : {}), after: after.join(';\n') };
}

/** The event's lists as the plan has them (DBIEngine `_log_tags_param`: tags joined by a space, the others by a comma). */
function plannedLists(driver: Literal, data: SqitchChangeData) {
  const { list } = registrySql(driver);
  return {
    tags: list(
      driver,
      data.tags.map((t) => t.tag),
      ' ',
    ),
    requires: list(
      driver,
      data.requires.map((r) => r.text),
      ',',
    ),
    conflicts: list(
      driver,
      data.conflicts.map((c) => c.text),
      ',',
    ),
  };
}

function eventSql(
  driver: Literal,
  event: 'deploy' | 'revert',
  data: SqitchChangeData,
  committer: string,
  lists: { tags: string; requires: string; conflicts: string },
): string {
  const l = (value: string) => driver.literal(value);
  const { now, plannedAt } = registrySql(driver);
  return `INSERT INTO ${registryTable('events')} (event, change_id, change, project, note, tags, requires, conflicts, committer_name, committer_email, planned_at, planner_name, planner_email, committed_at)
  VALUES (${l(event)}, ${l(data.changeId)}, ${l(data.change)}, ${l(data.project)}, ${l(data.note)}, ${lists.tags}, ${lists.requires}, ${lists.conflicts}, ${l(committer)}, ${l(committerEmail())}, ${plannedAt(driver, data.plannedAt)}, ${l(data.plannerName)}, ${l(data.plannerEmail)}, ${now})`;
}

function revertRecord(driver: Literal, data: SqitchChangeData, revision: string, committer: string): StepRecord {
  const id = driver.literal(data.changeId);
  const { listFrom } = registrySql(driver);
  // DBIEngine `log_revert_change`: what the registry holds, joined by commas; the plan's (`$tags || …`) when it holds none.
  const planned = plannedLists(driver, data);
  const deployed = (type: 'require' | 'conflict') =>
    listFrom(
      `SELECT dependency FROM ${registryTable('dependencies')} WHERE change_id = ${id} AND type = '${type}'`,
      ',',
      type === 'require' ? planned.requires : planned.conflicts,
    );
  // sqitch refuses to revert a change that deployed changes still require (App::Sqitch::Engine `_verify_changes`… `revert`).
  const required = refuseWhen(
    driver,
    `EXISTS (SELECT 1 FROM ${registryTable('dependencies')} WHERE dependency_id = ${id} AND change_id <> ${id})`,
    `sqitch: change "${data.change}" is required by other deployed changes (see ${registryTable('dependencies')}); revert them first. Nothing of "${data.change}" was reverted.`,
  );
  return {
    before: [lastDeployedIs(driver, data, { changeId: data.changeId, revision: revision }), required].join(';\n'),
    after: [
      // The event keeps what the registry says was deployed with the change, read before it is deleted.
      eventSql(driver, 'revert', data, committer, {
        tags: listFrom(`SELECT tag FROM ${registryTable('tags')} WHERE change_id = ${id}`, ',', planned.tags),
        requires: deployed('require'),
        conflicts: deployed('conflict'),
      }),
      `DELETE FROM ${registryTable('tags')} WHERE change_id = ${id}`,
      `DELETE FROM ${registryTable('dependencies')} WHERE change_id = ${id}`,
      `DELETE FROM ${registryTable('changes')} WHERE change_id = ${id}`,
    ].join(';\n'),
  };
}

async function registryPresent(driver: Driver): Promise<boolean> {
  return sqitchTableExists(driver, 'changes');
}

export const sqitchBookkeeping: SqlBookkeeping = {
  tables: [
    registryTable('projects'),
    registryTable('releases'),
    registryTable('changes'),
    registryTable('tags'),
    registryTable('dependencies'),
    registryTable('events'),
  ],
  present: registryPresent,
  async read(driver: Driver, project: ProjectFiles) {
    if (!(await registryPresent(driver))) return { initialised: false, records: [] };
    // Another format's project (its status naming this registry, adopt --from sqitch) has no plan: every
    // project's changes are read, by name.
    const own = project.format === 'sqitch';
    const name = !own ? null : project.files[0] ? sqitchChangeData(project.files[0]).project : readSqitchProjectName(project.project);
    const revisions = new Map(own ? project.files.map((file) => [sqitchChangeData(file).changeId, file.revision.id]) : []);
    const rows = await driver.query<{ change_id: string; change: string; script_hash: string | null; committed_at: Date | string; committer_name: string }>(
      `SELECT change_id, change, script_hash, committed_at, committer_name FROM ${registryTable('changes')}${own ? ` WHERE project = ${driver.literal(name ?? '')}` : ''} ORDER BY committed_at, change_id`,
    );
    const records: AppliedRecord[] = rows.map((row) => ({
      // A change the plan no longer has (or whose planned line changed, which changes its id) is named with its id.
      revision: revisions.get(row.change_id) ?? `${row.change} (change_id ${row.change_id})`,
      checksum: row.script_hash,
      // SQLite's registry keeps UTC text (`YYYY-MM-DD HH:MM:SS.fff`).
      appliedAt: row.committed_at instanceof Date ? row.committed_at.toISOString() : String(row.committed_at).replace(/^(\S+) (\S+)$/, '$1T$2Z'),
      appliedBy: row.committer_name,
      durationMs: null,
    }));
    return { initialised: true, records };
  },
  createSql: (dialect) => (dialect === sqliteVersionTable ? createSqliteRegistrySql() : createRegistrySql()),
  refuseSteps: sqitchRunRefusal,
  async refusal(driver) {
    // Asked before every run and status: the registry reachable for the run's SQL (on SQLite, its file attached).
    await openRegistry[driver.engine](driver);
    if (!(await registryPresent(driver)) || !(await sqitchTableExists(driver, 'releases'))) return null;
    const [row] = await driver.query<{ version: number | string | null }>(`SELECT MAX(version) AS version FROM ${registryTable('releases')}`);
    const version = row?.version === null || row?.version === undefined ? null : Number(row.version);
    return version === Number(registryRelease)
      ? null
      : `the sqitch registry is at release ${version ?? 'none'}, Switchyard writes release ${registryRelease}: run \`sqitch upgrade\` first, as sqitch itself asks.`;
  },
  record(driver, step: PreparedStep, { appliedBy }) {
    const data = sqitchChangeData(step.source);
    if (step.direction === 'down') return revertRecord(driver, data, step.revision, appliedBy);
    // sqitch reverts a change whose verify script fails (App::Sqitch::Engine `deploy_change`).
    const revert = step.source.down;
    return { ...deployRecord(driver, data, appliedBy), ...(revert ? { undoWhenVerifyFails: revert } : {}) };
  },
  checksum: (file) => sqitchChangeData(file).scriptHash,
};
