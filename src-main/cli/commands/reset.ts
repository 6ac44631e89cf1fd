// `switchyard reset`: the wizard's steps from a terminal, with the same refusals. Without a matching
// --confirm it prints the impact and the exact statements and changes nothing.
import { resolve } from 'node:path';
import { countOf } from '../../../src-shared/format/plural';
import { formatBytes } from '../../../src-shared/model/inventoryExport';
import { resetModes, type ResetPlan, type ResetRequest, type ResetResult } from '../../../src-shared/model/reset';
import { api } from '../../../src-shared/api';
import { SwitchyardError } from '../../../src-shared/errors';
import { checkConfirmation } from '../../reset/resetRun';
import { actorName } from '../../services';
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

export const resetCommand: Command = {
  name: 'reset',
  summary: 'drop and recreate (or wipe, or restore) a database, then migrate and seed it; a snapshot first',
  usage,
  async run(args) {
    const values = parse(args);
    if (!values.mode || !(resetModes as readonly string[]).includes(values.mode))
      throw new UsageError(`--mode must be recreate, wipe or snapshot.\n\n${usage}`);
    if (values['no-snapshot'] && !values['i-understand'])
      throw new UsageError('--no-snapshot leaves nothing to undo the reset with: add --i-understand to go on without one.');
    const json = Boolean(values.json);
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
      const confirmation = { typedName: values.confirm ?? '', ...(values['yes-production'] ? { environmentAcknowledged: 'production' } : {}) };
      const plan = await services.reset.plan(ref, request, actorName('cli'));
      if (values.confirm !== plan.databaseName || plan.refusals.length > 0) {
        if (json) printJson(plan);
        else printPlan(plan, values, scope.target);
        if (values.confirm === undefined && plan.refusals.length === 0) {
          say(
            `\nNothing was changed. To run it: ${commandLine(['reset', ...args, '--confirm', plan.databaseName, ...(plan.environment === 'prod' && !values['yes-production'] ? ['--yes-production'] : [])])}\n`,
          );
          return 0;
        }
        checkConfirmation(plan, confirmation);
      }
      const started = services.reset.run(ref, request, confirmation, actorName('cli'));
      const result = await followOperation(services, 'reset.run', started, { json, stopping: 'stopping after the current step' });
      if (json) printJson(result);
      else printResult(result, values, scope.target);
      return result.ok ? 0 : 1;
    } finally {
      services.close();
    }
  },
};
