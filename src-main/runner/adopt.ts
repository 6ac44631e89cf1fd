// Moving a database from one tool to another (say golang-migrate to dbmate): the applied set the old
// tool's bookkeeping records is written into the new format's own bookkeeping, in one transaction,
// after being shown. No migration runs; the old table is left as it was.
import { SwitchyardError } from '../../src-shared/errors';
import { countOf } from '../../src-shared/format/plural';
import type { ProjectFormat } from '../../src-shared/model/revision';
import type { AdoptionPreview, AdoptionResult } from '../../src-shared/model/run';
import { appliedWithAncestors, upgradeOrder } from '../../src-shared/graph/planner';
import type { Driver } from '../drivers/driver';
import { engineFor } from '../engines/engineFor';
import { formatNamed } from '../formats/formatRegistry';
import type { SqlFormat } from '../formats/format';
import type { LoadedProject } from '../migrations/project';
import type { MigrationTarget } from '../targets/migrationTarget';
import { migrationStatus } from './migrationStatus';
import { prepareSteps } from './preparedStep';
import { checkBeforeRun } from './preflight';
import type { RunOptions } from './sqlRun';
import { readRecorded } from './versionTables';

const statement = (sql: string) => (sql.trimEnd().endsWith(';') ? sql.trim() : `${sql.trim()};`);

function intoFormat(project: LoadedProject): SqlFormat {
  if (project.format.runner !== 'sql') {
    throw new SwitchyardError(
      'E_INVALID_INPUT',
      `${project.format.name} writes its own bookkeeping: record an existing history with its own tool (for Alembic: alembic stamp REVISION).`,
    );
  }
  return project.format;
}

/** What adopting `from`'s history would write; refuses when there is nothing to adopt or the new bookkeeping records something already. */
export async function adoptionPreview(driver: Driver, project: LoadedProject, from: ProjectFormat, actor: string): Promise<AdoptionPreview> {
  const into = intoFormat(project);
  if (from === into.name) throw new SwitchyardError('E_INVALID_INPUT', `The project is read as ${from} already: there is nothing to adopt.`);
  const old = formatNamed(from).bookkeeping;
  if (!(await old.present(driver))) {
    throw new SwitchyardError('E_INVALID_INPUT', `This database has no ${from} bookkeeping (${old.tables.join(', ')}): there is no history to adopt.`);
  }
  const own = await readRecorded(driver, project);
  if (own.records.length > 0) {
    throw new SwitchyardError(
      'E_INVALID_INPUT',
      `${into.name}'s bookkeeping (${into.bookkeeping.tables.join(', ')}) records ${countOf(own.records.length, 'revision')} already: adopting would mix two histories. Nothing was written.`,
    );
  }
  const recorded = (await old.read(driver, project.files)).records.map((r) => r.revision);
  const { graph } = project;
  const unknown = recorded.filter((id) => !graph.byId.has(id));
  const revisions = upgradeOrder(
    graph,
    appliedWithAncestors(
      graph,
      recorded.filter((id) => graph.byId.has(id)),
    ),
  );
  if (revisions.length === 0) {
    throw new SwitchyardError(
      'E_INVALID_INPUT',
      `${from}'s bookkeeping records ${recorded.length === 0 ? 'nothing' : `only revisions no file of this project defines (${unknown.join(', ')})`}: nothing to adopt.`,
    );
  }
  const steps = prepareSteps(project.files, { steps: revisions.map((revision) => ({ revision, direction: 'up' as const })) }, { stamp: true });
  const { versionTable, catalog } = engineFor(driver.engine);
  // golang-migrate and dbmate both call theirs schema_migrations: the old one moves aside, kept whole.
  const renames = old.tables.filter((table) => into.bookkeeping.tables.includes(table)).map((table) => ({ table, to: `${table}_${from.replace(/\W/g, '_')}` }));
  for (const { table, to } of renames) {
    if (await catalog.tableExists(driver, to)) {
      throw new SwitchyardError(
        'E_INVALID_INPUT',
        `${from}'s ${table} must move aside to ${to} for ${into.name}'s table of the same name, and ${to} exists already. Nothing was written.`,
      );
    }
  }
  const kept =
    renames.length === 0
      ? `${old.tables.join(', ')} is left as it is`
      : `${from}'s ${renames.map((r) => `${r.table} is kept, renamed ${r.to}`).join(', ')} (${into.name} uses the same name)`;
  const sql = [
    `-- Record ${countOf(revisions.length, 'revision')} ${from} applied in ${into.name}'s bookkeeping; no migration runs; ${kept}`,
    'BEGIN;',
    ...renames.map(({ table, to }) => `ALTER TABLE ${table} RENAME TO ${to};`),
    statement(into.bookkeeping.createSql(versionTable)),
    ...steps.flatMap((step) => {
      const { before, after } = into.bookkeeping.record(driver, step, { appliedBy: actor, durationSql: versionTable.unmeasuredDuration });
      return [...(before ? [statement(before)] : []), statement(after)];
    }),
    'COMMIT;',
  ].join('\n');
  return { from, into: into.name, revisions, unknown, movedAside: renames, sql: `${sql}\n` };
}

/** Writes the adoption under the run lock, in one transaction. */
export async function adopt(
  driver: Driver,
  target: MigrationTarget,
  project: LoadedProject,
  from: ProjectFormat,
  options: RunOptions,
): Promise<AdoptionResult> {
  await checkBeforeRun(driver, target, options.confirmProduction);
  const session = await engineFor(driver.engine).openRunSession(driver, target, options.lockTimeoutMs ?? 10_000, {});
  try {
    // Planned under the lock: a run that finished meanwhile is part of what is adopted.
    const preview = await adoptionPreview(driver, project, from, options.actor);
    await driver.execScript(preview.sql).catch(async (error: unknown) => {
      await driver.execScript('ROLLBACK').catch(() => undefined);
      throw new SwitchyardError('E_MIGRATION_FAILED', `Adopting ${from}'s history failed: ${(error as Error).message}. Nothing was written.`);
    });
    options.audit?.({
      actor: options.actor,
      action: 'runner.adopt',
      target: target.name,
      detail: { from, into: preview.into, revisions: preview.revisions, unknown: preview.unknown },
    });
    return { ...preview, status: migrationStatus(project, await readRecorded(driver, project)) };
  } finally {
    await session.close();
  }
}
