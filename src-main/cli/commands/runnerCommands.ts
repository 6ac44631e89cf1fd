// `switchyard status|upgrade|downgrade|stamp`: the runner from a terminal or a CI job, through the
// same runner service as the app (a run is its long operation, followed here).
import type { RunAction, RunPreview, RunRequest, RunResult } from '../../../src-shared/model/run';
import { otherBookkeepingLine, type MigrationStatus } from '../../../src-shared/model/status';
import type { TargetRef } from '../../../src-shared/model/targetRef';
import { api } from '../../../src-shared/api';
import { SwitchyardError } from '../../../src-shared/errors';
import { countOf } from '../../../src-shared/format/plural';
import { stampedTablesLead, stampedTablesOf } from '../../../src-shared/format/stampedTables';
import type { MigrationTarget } from '../../targets/migrationTarget';
import { actorName, type Services } from '../../services';
import { checkedInput } from '../checkedInput';
import type { Command } from '../command';
import { parseFlags } from '../parseFlags';
import { restoreCommand } from '../commandHint';
import { destructionLines } from '../destructionLines';
import { rehearsalReport } from '../rehearsalReport';
import { rehearseFirst } from '../rehearseFirst';
import { followOperation } from '../followOperation';
import { openServices } from '../openServices';
import { printJson, say, UsageError, warn } from '../output';
import { namesProjectEnvironment, requireOneTarget, targetRefOf, targetOptions, targetUsage, type TargetFlags } from '../targetFlags';
import { runPerDatabase } from './boundRun';
import { reportMissingDatabase } from './resetTarget';

/** Exit code of `status --check` when something is pending: CI can fail a deploy on it. */
const pendingExitCode = 3;

interface Resolved {
  ref: TargetRef;
  target: MigrationTarget;
  services: Services;
}

/** Profiles need the store; a --url run uses it only for the audit log and a snapshot first, and only when it can open unattended. */
export async function resolveTarget(flags: TargetFlags, opened?: Services): Promise<Resolved> {
  requireOneTarget(flags);
  const services = opened ?? (await openServices({ store: flags.profile ? 'required' : 'unattended' }));
  try {
    const ref = targetRefOf(flags, services);
    return { ref, target: services.targets.resolve(ref).target, services };
  } catch (error) {
    services.close();
    throw error;
  }
}

function printStatus(target: MigrationTarget, status: MigrationStatus): void {
  const lines = [
    `${target.name} — ${status.format} project ${status.project}`,
    `applied:  ${countOf(status.applied.length, 'revision')}; at ${status.heads.length ? status.heads.join(', ') : 'base (nothing applied)'}`,
    `pending:  ${status.pending.length === 0 ? 'none — up to date' : countOf(status.pending.length, 'revision')}`,
    ...status.pendingByBranch.map((b) => `  → ${b.head}: ${b.revisions.join(' ')}`),
  ];
  if (status.unknown.length) lines.push(`unknown:  ${status.unknown.join(', ')} (recorded in the database, in no file)`);
  if (status.changed.length) lines.push(`changed:  ${status.changed.join(', ')} (file edited after it was applied)`);
  if (status.blockedBy) lines.push(`blocked:  ${status.blockedBy}`);
  if (status.runRefusal) lines.push(`refused:  ${status.runRefusal}`);
  for (const other of status.otherBookkeeping ?? []) lines.push(`note:     ${otherBookkeepingLine(status, other)}`);
  say(`${lines.join('\n')}\n`);
}

function statusJson(status: MigrationStatus) {
  const { applied, heads, pending, unknown, changed, pendingByBranch, projectHeads, format, project, records, blockedBy, otherBookkeeping, runRefusal } =
    status;
  return {
    applied,
    heads,
    pending,
    unknown,
    changed,
    pendingByBranch,
    projectHeads,
    format,
    project,
    records,
    blockedBy,
    otherBookkeeping: otherBookkeeping ?? [],
    runRefusal: runRefusal ?? null,
  };
}

function printPreview(preview: RunPreview): void {
  say(preview.sql);
  for (const finding of preview.findings) warn(`switchyard: ${finding.severity}: ${finding.message}\n`);
  for (const line of destructionLines(preview.destruction ?? [])) warn(`switchyard: ${line}\n`);
}

/** The runner's refusal names what to type; from a terminal, the flag that types it. */
export function withCliWayOut<T>(start: () => T): T {
  try {
    return start();
  } catch (error) {
    if (error instanceof SwitchyardError && error.code === 'E_CONFIRMATION_REQUIRED')
      throw new SwitchyardError(error.code, `${error.message} From the CLI: add --yes-production.`, error.detail);
    throw error;
  }
}

/**
 * A stamp runs no SQL, so it must not read like an upgrade (no timing): it says what it recorded and the
 * tables the stamped revisions' SQL would create, which a stamp leaves to be there already (or behind).
 */
async function stampReport(services: Services, ref: TargetRef, steps: RunResult['steps'], down: boolean, now: string): Promise<string> {
  const revisions = countOf(steps.length, 'revision');
  const done = down
    ? `Stamped down: the records of ${revisions} removed. No SQL ran: their tables stay;`
    : `Stamped: ${revisions} recorded as applied. No SQL ran;`;
  const lines = await Promise.all(
    steps.map(async ({ revision }) => {
      const tables = await services.graph.revision(ref, revision).then(
        (detail) => detail.tables.created,
        () => null,
      );
      return `  ${revision}: ${stampedTablesOf(tables)}`;
    }),
  );
  return `${done} ${now}\n${stampedTablesLead(down)}\n${lines.join('\n')}\n`;
}

const perDatabaseUsage = `
Per database (a project with bindings, without --role or --profile):
  --project NAME --env ENV   every bound database of the environment, one block each; an upgrade or
                        downgrade runs each database's own part of --to (heads: each its own heads; base:
                        each down to base; label@…, a revision: only its database), one after another,
                        stopping all at the first failure; --yes-production types the environment's name.
                        Before anything runs on any database, each staging or production database
                        rehearses its own plan on its own clone (one failed rehearsal: nothing runs,
                        exit 1); --rehearse rehearses every database and runs none, --rehearsed refuses
                        unless each database's plan succeeded on its schema already, --no-rehearse skips
                        them (and says so); --snapshot-first takes a snapshot of each database first`;

function runCommand(action: RunAction | 'status', summary: string): Command {
  const extra =
    action === 'status'
      ? '  --check      exit 3 when migrations are pending\n'
      : `  --to TARGET  ${action === 'upgrade' ? 'default: heads' : 'required'} (heads, head, base, an id prefix, label@head, +1, -1, rev+2…)\n  --dry-run    print the exact SQL and the preflight findings; change nothing\n  --yes-production   required for a production connection\n  --lock-timeout S   wait this long for another run's lock (default 10)\n${action === 'stamp' ? '' : "  --snapshot-first   take a snapshot before the first statement (restoring it undoes the run)\n  --end-sessions     with --snapshot-first: end the database's sessions for the copy (PostgreSQL)\n  --rehearse         run the exact plan on a clone of the database and print what happened; the database is only read\n  --rehearsed        refuse to run unless a rehearsal of this plan succeeded on the schema the database has now\n  --no-rehearse      on a staging or production connection: run without rehearsing on a clone first (the default rehearses)\n  --no-schema-check  do not compare the whole schema with what the migrations make after the run\n"}${action === 'stamp' ? '  --down       remove records down to TARGET instead of adding them up to it\n' : ''}`;
  const usage = `Usage: switchyard ${action} (--profile NAME | --url URL) [--project DIR] ${action === 'status' ? '[--check]' : '--to TARGET [--dry-run]'} [--json]\n\n${summary}\n\n${extra}  --json       machine-readable output\n\n${targetUsage}${action === 'stamp' ? '' : perDatabaseUsage}`;
  return {
    name: action,
    summary,
    usage,
    async run(args) {
      const { values } = parseFlags(
        args,
        {
          options: {
            ...targetOptions,
            to: { type: 'string' },
            'dry-run': { type: 'boolean' },
            json: { type: 'boolean' },
            check: { type: 'boolean' },
            'yes-production': { type: 'boolean' },
            down: { type: 'boolean' },
            'lock-timeout': { type: 'string' },
            'snapshot-first': { type: 'boolean' },
            'end-sessions': { type: 'boolean' },
            rehearse: { type: 'boolean' },
            rehearsed: { type: 'boolean' },
            'no-rehearse': { type: 'boolean' },
            'no-schema-check': { type: 'boolean' },
          },
        },
        usage,
      );
      const json = Boolean(values.json);
      // A project with bindings and no --role: each bound database of the environment, in one block each.
      let opened: Services | undefined;
      if (action !== 'stamp' && namesProjectEnvironment(values) && !values.role && !values.profile) {
        const services = await openServices({ store: 'required' });
        opened = services;
        const code = await runPerDatabase(services, action, values, usage).catch((error: unknown) => {
          services.close();
          throw error;
        });
        if (code !== undefined) {
          services.close();
          return code;
        }
      }
      const { ref, target, services } = await resolveTarget(values, opened);
      try {
        if (action === 'status') {
          const status = await services.runner.status(ref);
          if (json) printJson(statusJson(status));
          else printStatus(target, status);
          return values.check && status.pending.length > 0 ? pendingExitCode : 0;
        }
        const to = values.to ?? (action === 'upgrade' ? 'heads' : undefined);
        if (!to) throw new UsageError(`${action} needs --to TARGET.\n\n${usage}`);
        if (action === 'stamp' && values['snapshot-first']) throw new UsageError('stamp runs no SQL, so it has nothing to snapshot first.');
        if (action === 'stamp' && (values.rehearse || values.rehearsed)) throw new UsageError('stamp runs no SQL, so it has nothing to rehearse.');
        if (values.rehearse && (values.rehearsed || values['dry-run']))
          throw new UsageError('--rehearse runs nothing on the database itself: it takes neither --rehearsed nor --dry-run.');
        if (values['no-rehearse'] && (values.rehearse || values.rehearsed))
          throw new UsageError('--no-rehearse skips the rehearsal: it takes neither --rehearse nor --rehearsed.');
        const request: RunRequest = checkedInput(
          api['runner.run'].input.shape.request,
          {
            action,
            to,
            ...(values.down ? { down: true } : {}),
            ...(values['snapshot-first'] ? { snapshotFirst: true } : {}),
            ...(values['end-sessions'] ? { endSessions: true } : {}),
          },
          { to: '--to' },
          usage,
        );
        const actor = actorName('cli');
        if (values['dry-run']) {
          const preview = await services.runner.preview(ref, request, actor);
          if (json) printJson(preview);
          else printPreview(preview);
          return preview.findings.some((f) => f.severity === 'error') ? 1 : 0;
        }
        if (values.rehearse) {
          const rehearsal = await followOperation(services, 'runner.rehearse', services.rehearsals.rehearse(ref, request, actorName('cli')), {
            json,
            stopping: 'stopping the rehearsal after the current revision; the clone is dropped',
          });
          if (json) printJson(rehearsal);
          else say(rehearsalReport(rehearsal));
          return rehearsal.ok ? 0 : 1;
        }
        const lockTimeoutMs = values['lock-timeout'] === undefined ? 10_000 : Number(values['lock-timeout']) * 1000;
        if (!Number.isFinite(lockTimeoutMs) || lockTimeoutMs < 0) throw new UsageError('--lock-timeout takes seconds');
        // Said before anything runs, also without --dry-run: nobody loses a table without being told.
        const destruction = action === 'stamp' ? [] : ((await services.runner.preview(ref, request, actor)).destruction ?? []);
        for (const line of destructionLines(destruction)) warn(`switchyard: ${line}\n`);
        // A script cannot type: --yes-production is the CLI's typed confirmation of the connection it names.
        const confirmation = values['yes-production'] ? { typedName: target.name } : {};
        // Staging and production rehearse on a clone first, as the app's run dialog does, unless --no-rehearse.
        const firstRehearsal = values.rehearsed
          ? undefined
          : await rehearseFirst(services, ref, target, request, { json, skip: Boolean(values['no-rehearse']) });
        if (firstRehearsal && !firstRehearsal.ok) {
          if (json) printJson({ rehearsal: firstRehearsal, ran: false });
          warn(`switchyard: the rehearsal on a clone failed, so nothing ran on ${target.name}. [E_REHEARSAL_FAILED]\n`);
          return 1;
        }
        const rehearsal = values.rehearsed ? ('required' as const) : firstRehearsal ? ('first' as const) : undefined;
        const started = withCliWayOut(() =>
          services.runner.run(ref, request, actor, {
            confirmation,
            lockTimeoutMs,
            ...(rehearsal ? { rehearsal } : {}),
            ...(values['no-schema-check'] ? { schemaCheck: false } : {}),
          }),
        );
        const result = await followOperation(services, 'runner.run', started, { json, stopping: 'stopping after the current revision' });
        if (result.snapshot && !json)
          say(`Snapshot "${result.snapshot.name}" taken first — undo with: ${restoreCommand(result.snapshot.id, values, target)}\n`);
        if (json)
          printJson({
            steps: result.steps,
            totalMs: result.totalMs,
            status: statusJson(result.status),
            ...(result.snapshot ? { snapshot: result.snapshot } : {}),
            schemaCheck: result.schemaCheck ?? null,
            ...(firstRehearsal ? { rehearsal: firstRehearsal } : {}),
          });
        else {
          const now = `now at ${result.status.heads.join(', ') || 'base'}.`;
          if (result.steps.length === 0) say(`Nothing to do; ${now}\n`);
          else if (action === 'stamp') say(await stampReport(services, ref, result.steps, Boolean(values.down), now));
          else say(`Ran ${countOf(result.steps.length, 'revision')} in ${result.totalMs} ms; ${now}\n`);
        }
        return 0;
      } catch (error) {
        await reportMissingDatabase(error, services, ref, target, values);
        throw error;
      } finally {
        services.close();
      }
    },
  };
}

export const statusCommand = runCommand('status', 'what is applied, pending, unknown and changed on a database');
export const upgradeCommand = runCommand('upgrade', 'apply migrations up to a target');
export const downgradeCommand = runCommand('downgrade', 'revert migrations down to a target');
export const stampCommand = runCommand('stamp', 'record (or with --down, un-record) migrations without running them');
