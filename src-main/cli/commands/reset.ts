// `switchyard reset`: the wizard's steps from a terminal, with the same refusals. Without a matching
// --confirm it prints the impact and the exact statements and changes nothing.
import { resolve } from 'node:path';
import { countOf } from '../../../src-shared/format/plural';
import { formatBytes } from '../../../src-shared/model/inventoryExport';
import { resetModes, type ResetPlan, type ResetRequest, type ResetResult } from '../../../src-shared/model/reset';
import { api } from '../../../src-shared/api';
import { SwitchyardError } from '../../../src-shared/errors';
import { checkConfirmation } from '../../reset/resetRun';
import { actorName, type Services } from '../../services';
import type { Confirmation } from '../../../src-shared/model/confirmation';
import type { OperationStarted } from '../../../src-shared/model/operation';
import { checkedInput } from '../checkedInput';
import type { Command } from '../command';
import { parseFlags } from '../parseFlags';
import type { MigrationTarget } from '../../targets/migrationTarget';
import { commandLine, restoreCommand } from '../commandHint';
import { printJson, printTable, say, UsageError } from '../output';
import { targetOptions, targetUsage, type TargetFlags } from '../targetFlags';
import { followOperation } from '../followOperation';
import { conditionLines, findSnapshot, resolveSnapshotScope } from './resetTarget';

const usage = `Usage: switchyard reset (--profile NAME | --url URL) [--project DIR] --mode recreate|wipe|snapshot
         [--to TARGET] [--seed FILE] [--snapshot ID|NAME] --confirm DATABASE_NAME
         [--no-snapshot --i-understand] [--yes-production] [--json]
       switchyard reset --recipe NAME (--profile NAME | --project NAME --env ENV) --confirm DATABASE_NAME
         [--no-snapshot --i-understand] [--yes-production] [--json]

Drops and recreates a database (or wipes its schemas, or restores a snapshot), then migrates and seeds it.
A snapshot is taken first; \`switchyard snapshot restore\` undoes the reset.

  --mode recreate   drop and create the database (same owner, encoding, collation)
         wipe       drop and create its schemas (for a user without CREATEDB)
         snapshot   restore --snapshot ID|NAME
  --to TARGET       migrate to it afterwards (heads, a branch head, a revision); default: leave it empty
  --seed FILE       run this SQL after the migrations
  --confirm NAME    the database name (SQLite: the file name); without it: print the plan, change nothing
  --no-snapshot --i-understand   skip the snapshot (refused on production)
  --yes-production  acknowledge a production connection
  --json            the plan, or the result: { ok, steps, stoppedAt, databaseState, snapshot, verification }
  --recipe NAME     run a saved reset recipe (switchyard recipes list) on a connection of its project
                    environment or group: the recipe decides mode, target, snapshot and seed; only the
                    confirmation (and skipping the snapshot, where the recipe lets anyone) is yours

${targetUsage}`;

const options = {
  ...targetOptions,
  mode: { type: 'string' },
  to: { type: 'string' },
  seed: { type: 'string' },
  snapshot: { type: 'string' },
  confirm: { type: 'string' },
  'no-snapshot': { type: 'boolean' },
  'i-understand': { type: 'boolean' },
  'yes-production': { type: 'boolean' },
  json: { type: 'boolean' },
  recipe: { type: 'string' },
} as const;

function printPlan(plan: ResetPlan, flags: TargetFlags, target: MigrationTarget): void {
  const { impact } = plan;
  const lines = [
    ...(plan.condition ? conditionLines(plan.condition, flags, target) : []),
    `Reset ${plan.connection} (${plan.environment}) — database ${plan.databaseName}, mode ${plan.request.mode}`,
    `Will destroy: ${countOf(impact.tables, 'table')}, ${impact.rowsExact ? '' : 'about '}${countOf(impact.rows, 'row')}, ${formatBytes(impact.bytes)}`,
    `Sessions:     ${impact.sessions.length === 0 ? 'none' : impact.sessions.map((s) => `${s.user ?? '?'} ${s.application ?? ''} ${s.clientAddress ?? 'local'} since ${s.since ?? '?'}`.replace(/\s+/g, ' ')).join('; ')}`,
    `Privileges:   ${impact.privileges.ok ? 'ok' : 'NOT ENOUGH'} — ${impact.privileges.explanation}`,
    `Snapshots:    ${plan.snapshots.length === 0 ? 'none' : plan.snapshots.map((s) => `${s.name} (${s.id.slice(0, 8)})`).join(', ')}`,
    '',
    'Statements, in order:',
  ];
  plan.steps.forEach((step, i) => {
    lines.push(`${i + 1}. ${step.title}${step.destructive ? '  [destroys data]' : ''}`);
    for (const statement of step.statements) lines.push(`     ${statement}`);
  });
  for (const refusal of plan.refusals) lines.push(`Refused: ${refusal}`);
  say(`${lines.join('\n')}\n`);
}

function printResult(result: ResetResult, flags: TargetFlags, target: MigrationTarget): void {
  printTable(
    ['step', 'outcome', 'ms', 'message'],
    result.steps.map((s) => [s.step, s.outcome, String(s.durationMs), s.message]),
  );
  const lines = [result.ok ? `Reset done in ${result.totalMs} ms.` : `Reset stopped at ${result.stoppedAt}. The database is ${result.databaseState}.`];
  if (result.snapshot) lines.push(`Snapshot kept: "${result.snapshot.name}" — undo with: ${restoreCommand(result.snapshot.id, flags, target)}`);
  say(`${lines.join('\n')}\n`);
}

function parse(args: string[]) {
  return parseFlags(args, { options }, usage).values;
}

type ResetFlags = ReturnType<typeof parse>;

/** What a recipe decides: given beside --recipe, each is a usage error naming it. */
const recipeDecides = ['mode', 'to', 'seed', 'snapshot', 'format', 'alembic'] as const;

/**
 * Shows the plan and changes nothing unless --confirm matches the database's name and nothing is
 * refused; then runs the reset (or the recipe's) and prints how it went.
 */
async function confirmAndRun(
  services: Services,
  plan: ResetPlan,
  values: ResetFlags,
  args: string[],
  target: MigrationTarget,
  start: (confirmation: Confirmation) => OperationStarted,
  method: 'reset.run' | 'recipes.run',
): Promise<number> {
  const json = Boolean(values.json);
  const confirmation = { typedName: values.confirm ?? '', ...(values['yes-production'] ? { environmentAcknowledged: 'production' } : {}) };
  if (values.confirm !== plan.databaseName || plan.refusals.length > 0) {
    if (json) printJson(plan);
    else printPlan(plan, values, target);
    if (values.confirm === undefined && plan.refusals.length === 0) {
      say(
        `\nNothing was changed. To run it: ${commandLine(['reset', ...args, '--confirm', plan.databaseName, ...(plan.environment === 'prod' && !values['yes-production'] ? ['--yes-production'] : [])])}\n`,
      );
      return 0;
    }
    checkConfirmation(plan, confirmation);
  }
  const result = await followOperation(services, method, start(confirmation), { json, stopping: 'stopping after the current step' });
  if (json) printJson(result);
  else printResult(result, values, target);
  return result.ok ? 0 : 1;
}

/** `reset --recipe NAME`: the recipe's reset on a saved connection of its scope, as support staff run it. */
async function runRecipe(values: ResetFlags & { recipe: string }, args: string[]): Promise<number> {
  const decided = recipeDecides.filter((flag) => values[flag] !== undefined).map((flag) => `--${flag}`);
  // --project DIR (a folder beside a profile), not --project NAME --env ENV (the environment's connection).
  if (values.project && !values.env) decided.push('--project DIR');
  if (decided.length > 0)
    throw new UsageError(
      `The recipe "${values.recipe}" decides the reset: ${decided.join(', ')} cannot be given with --recipe. Nothing was changed.\n\n${usage}`,
    );
  if (values.url) throw new UsageError(`A recipe runs on a saved connection of its project environment or group: give --profile NAME, not --url.\n\n${usage}`);
  const { ref, scope, services } = await resolveSnapshotScope(values);
  try {
    const profileId = 'profileId' in ref ? ref.profileId : '';
    const skipSnapshot = values['no-snapshot'] ? { skipSnapshot: true } : {};
    const plan = await services.recipes.plan({ recipe: values.recipe, profileId, ...skipSnapshot }, actorName('cli'));
    return await confirmAndRun(
      services,
      plan,
      values,
      args,
      scope.target,
      (confirmation) => services.recipes.run({ recipe: values.recipe, profileId, confirmation, ...skipSnapshot }, actorName('cli')),
      'recipes.run',
    );
  } finally {
    services.close();
  }
}

export const resetCommand: Command = {
  name: 'reset',
  summary: 'drop and recreate (or wipe, or restore) a database, then migrate and seed it; a snapshot first',
  usage,
  async run(args) {
    const values = parse(args);
    if (values['no-snapshot'] && !values['i-understand'])
      throw new UsageError('--no-snapshot leaves nothing to undo the reset with: add --i-understand to go on without one.');
    if (values.recipe !== undefined) return runRecipe({ ...values, recipe: values.recipe }, args);
    if (!values.mode || !(resetModes as readonly string[]).includes(values.mode))
      throw new UsageError(`--mode must be recreate, wipe or snapshot.\n\n${usage}`);
    const { ref, scope, services } = await resolveSnapshotScope(values);
    try {
      const snapshot = values.snapshot ? findSnapshot(services, scope, values.snapshot) : undefined;
      if (values.snapshot && !snapshot)
        throw new SwitchyardError('E_NOT_FOUND', `No snapshot "${values.snapshot}" for ${scope.target.name}: see switchyard snapshot list.`);
      const request: ResetRequest = checkedInput(
        api['reset.plan'].input.shape.request,
        {
          mode: values.mode,
          takeSnapshot: !values['no-snapshot'],
          ...(values['no-snapshot'] ? { skipSnapshotAcknowledged: true } : {}),
          ...(values.to ? { to: values.to } : {}),
          ...(values.seed ? { seedFile: resolve(values.seed) } : {}),
          ...(snapshot ? { snapshotId: snapshot.id } : {}),
        },
        { mode: '--mode', to: '--to', seedFile: '--seed', snapshotId: '--snapshot' },
        usage,
      );
      const plan = await services.reset.plan(ref, request, actorName('cli'));
      return await confirmAndRun(
        services,
        plan,
        values,
        args,
        scope.target,
        (confirmation) => services.reset.run(ref, request, confirmation, actorName('cli')),
        'reset.run',
      );
    } finally {
      services.close();
    }
  },
};
