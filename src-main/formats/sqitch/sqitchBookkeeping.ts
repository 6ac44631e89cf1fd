// sqitch's registry, read and written as sqitch v1.3.1 does (App::Sqitch::Role::DBIEngine
// `log_deploy_change`, `log_revert_change`, `_log_event`; App::Sqitch::Engine::pg for the arrays and
// clock_timestamp()), so `sqitch status`, `sqitch log`, `sqitch deploy` and `sqitch revert` take over
// where Switchyard stopped, and the other way round.
import { hostname, userInfo } from 'node:os';
import type { Engine as EngineKind } from '../../../src-shared/model/profile';
import type { AppliedRecord } from '../../../src-shared/model/status';
import type { Driver } from '../../drivers/driver';
import { tableExists } from '../bookkeepingCatalog';
import { sqitchRunRefusal } from './sqitchRunRefusal';
import type { ProjectFiles } from '../../migrations/readers/projectFiles';
import type { PreparedStep } from '../../runner/preparedStep';
import type { SqlBookkeeping, StepRecord } from '../format';
import { sqitchChangeData, type SqitchChangeData } from './sqitchChangeData';
import { readSqitchProjectName } from './sqitchReader';
import { createRegistrySql, registryRelease, registryTable } from './sqitchRegistry';

/** Where sqitch keeps its registry for each engine: on SQLite it is a file of its own, beside the database. */
const registryElsewhere: Record<EngineKind, string | null> = {
  postgres: null,
  sqlite:
    'sqitch keeps the registry of a SQLite database in a separate file (sqitch.db beside it), which Switchyard does not write, so sqitch would not see its changes: run sqitch itself on SQLite.',
};

type Literal = Pick<Driver, 'literal'>;

const textArray = (driver: Literal, values: readonly string[]) =>
  values.length === 0 ? `'{}'::text[]` : `ARRAY[${values.map((v) => driver.literal(v)).join(', ')}]::text[]`;

/** sqitch's default committer e-mail when none is configured: the system user at this host. */
const committerEmail = () => `${userInfo().username}@${hostname()}`;

/** A DO block that stops the step, before anything of it runs, with `message` when `condition` holds. */
function refuseWhen(driver: Literal, condition: string, message: string): string {
  return `DO $sqitch$ BEGIN IF ${condition} THEN RAISE EXCEPTION '%', ${driver.literal(message)}; END IF; END $sqitch$`;
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
  return refuseWhen(driver, `${last} IS DISTINCT FROM ${expected ? driver.literal(expected.changeId) : 'NULL'}`, message);
}

function deployRecord(driver: Literal, data: SqitchChangeData, committer: string): StepRecord {
  const l = (value: string | null) => (value === null ? 'NULL' : driver.literal(value));
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
      `(${l(t.tagId)}, ${l(t.tag)}, ${l(data.project)}, ${l(data.changeId)}, ${l(t.note)}, ${l(committer)}, ${l(email)}, ${l(t.plannedAt)}, ${l(t.plannerName)}, ${l(t.plannerEmail)}, clock_timestamp())`,
  );
  const after = [
    `INSERT INTO ${registryTable('projects')} (project, uri, creator_name, creator_email)
  SELECT ${l(data.project)}, ${l(data.uri)}, ${l(committer)}, ${l(email)} WHERE NOT EXISTS (SELECT 1 FROM ${registryTable('projects')} WHERE project = ${l(data.project)})`,
    `INSERT INTO ${registryTable('changes')} (change_id, script_hash, change, project, note, committer_name, committer_email, planned_at, planner_name, planner_email, committed_at)
  VALUES (${l(data.changeId)}, ${l(data.scriptHash)}, ${l(data.change)}, ${l(data.project)}, ${l(data.note)}, ${l(committer)}, ${l(email)}, ${l(data.plannedAt)}, ${l(data.plannerName)}, ${l(data.plannerEmail)}, clock_timestamp())`,
    ...(dependencies.length > 0
      ? [`INSERT INTO ${registryTable('dependencies')} (change_id, type, dependency, dependency_id) VALUES ${dependencies.join(', ')}`]
      : []),
    ...(tags.length > 0
      ? [
          `INSERT INTO ${registryTable('tags')} (tag_id, tag, project, change_id, note, committer_name, committer_email, planned_at, planner_name, planner_email, committed_at) VALUES ${tags.join(', ')}`,
        ]
      : []),
    eventSql(driver, 'deploy', data, committer, {
      tags: textArray(
        driver,
        data.tags.map((t) => t.tag),
      ),
      requires: textArray(
        driver,
        data.requires.map((r) => r.text),
      ),
      conflicts: textArray(
        driver,
        data.conflicts.map((c) => c.text),
      ),
    }),
  ];
  const checks = [...undeployable, lastDeployedIs(driver, data, data.previous), ...conflicts];
  return { ...(checks.length > 0 ? { before: checks.join(';\n') } : {}), after: after.join(';\n') };
}

function eventSql(
  driver: Literal,
  event: 'deploy' | 'revert',
  data: SqitchChangeData,
  committer: string,
  lists: { tags: string; requires: string; conflicts: string },
): string {
  const l = (value: string) => driver.literal(value);
  return `INSERT INTO ${registryTable('events')} (event, change_id, change, project, note, tags, requires, conflicts, committer_name, committer_email, planned_at, planner_name, planner_email, committed_at)
  VALUES (${l(event)}, ${l(data.changeId)}, ${l(data.change)}, ${l(data.project)}, ${l(data.note)}, ${lists.tags}, ${lists.requires}, ${lists.conflicts}, ${l(committer)}, ${l(committerEmail())}, ${l(data.plannedAt)}, ${l(data.plannerName)}, ${l(data.plannerEmail)}, clock_timestamp())`;
}

function revertRecord(driver: Literal, data: SqitchChangeData, revision: string, committer: string): StepRecord {
  const id = driver.literal(data.changeId);
  const deployed = (type: string) => `ARRAY(SELECT dependency FROM ${registryTable('dependencies')} WHERE change_id = ${id} AND type = '${type}')`;
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
        tags: `ARRAY(SELECT tag FROM ${registryTable('tags')} WHERE change_id = ${id})`,
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
  return tableExists(driver, registryTable('changes'));
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
      `SELECT change_id, change, script_hash, committed_at, committer_name FROM ${registryTable('changes')}${own ? ' WHERE project = $1' : ''} ORDER BY committed_at, change_id`,
      own ? [name] : [],
    );
    const records: AppliedRecord[] = rows.map((row) => ({
      // A change the plan no longer has (or whose planned line changed, which changes its id) is named with its id.
      revision: revisions.get(row.change_id) ?? `${row.change} (change_id ${row.change_id})`,
      checksum: row.script_hash,
      appliedAt: row.committed_at instanceof Date ? row.committed_at.toISOString() : String(row.committed_at),
      appliedBy: row.committer_name,
      durationMs: null,
    }));
    return { initialised: true, records };
  },
  createSql: () => createRegistrySql(),
  refuseSteps: sqitchRunRefusal,
  async refusal(driver) {
    const elsewhere = registryElsewhere[driver.engine];
    if (elsewhere) return elsewhere;
    if (!(await registryPresent(driver)) || !(await tableExists(driver, registryTable('releases')))) return null;
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
