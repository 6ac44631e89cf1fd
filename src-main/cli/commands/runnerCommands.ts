// `switchyard status|upgrade|downgrade|stamp`: the runner from a terminal or a CI job.
import type { RunAction, RunPreview, RunRequest, RunResult } from '../../../src-shared/model/run';
import type { ConnectionStatus } from '../../../src-shared/model/status';
import { SwitchyardError } from '../../../src-shared/errors';
import type { OperationContext } from '../../operations/operations';
import type { AuditRecord } from '../../store/auditLog';
import { previewTarget, runTarget, targetStatus, type TakeSnapshot } from '../../runner/runnerService';
import type { MigrationTarget } from '../../runner/migrationTarget';
import { actorName, createServices, type Services } from '../../services';
import { defaultDataDir } from '../../paths';
import { passphraseKeyProvider } from '../../store/keyProvider';
import type { Command } from '../command';
import { parseFlags } from '../parseFlags';
import { restoreCommand } from '../commandHint';
import { destructionLines } from '../destructionLines';
import { openServices } from '../openServices';
import { printJson, say, UsageError, warn } from '../output';
import { requireOneTarget, targetFromProfileFlag, targetFromUrl, targetOptions, targetUsage, type TargetFlags } from '../targetFlags';
import { reportMissingDatabase } from './resetTarget';

/** Exit code of `status --check` when something is pending: CI can fail a deploy on it. */
const pendingExitCode = 3;

interface Resolved {
  target: MigrationTarget;
  services: Services | undefined;
}

/** Profiles need the store; a --url run uses it only for the audit log, and only when it can open unattended. */
async function resolveTarget(flags: TargetFlags): Promise<Resolved> {
  requireOneTarget(flags);
  if (flags.profile) {
    const services = await openServices();
    return { target: targetFromProfileFlag(services, flags), services };
  }
  const target = targetFromUrl(flags);
  if (!process.env.SWITCHYARD_PASSPHRASE) return { target, services: undefined };
  const services = createServices({ dataDir: defaultDataDir() });
  await services.session.unlock(passphraseKeyProvider(process.env.SWITCHYARD_PASSPHRASE));
  return { target, services };
}

function printStatus(target: MigrationTarget, status: ConnectionStatus): void {
  const lines = [
    `${target.name} — ${status.format} project ${status.project}`,
    `applied:  ${status.applied.length} revision(s); at ${status.heads.length ? status.heads.join(', ') : 'base (nothing applied)'}`,
    `pending:  ${status.pending.length === 0 ? 'none — up to date' : `${status.pending.length} revision(s)`}`,
    ...status.pendingByBranch.map((b) => `  → ${b.head}: ${b.revisions.join(' ')}`),
  ];
  if (status.unknown.length) lines.push(`unknown:  ${status.unknown.join(', ')} (recorded in the database, in no file)`);
  if (status.changed.length) lines.push(`changed:  ${status.changed.join(', ')} (file edited after it was applied)`);
  if (status.blockedBy) lines.push(`blocked:  ${status.blockedBy}`);
  say(`${lines.join('\n')}\n`);
}

function statusJson(status: ConnectionStatus) {
  const { applied, heads, pending, unknown, changed, pendingByBranch, projectHeads, format, project, records, blockedBy } = status;
  return { applied, heads, pending, unknown, changed, pendingByBranch, projectHeads, format, project, records, blockedBy };
}

function printPreview(preview: RunPreview): void {
  say(preview.sql);
  for (const finding of preview.findings) warn(`switchyard: ${finding.severity}: ${finding.message}\n`);
  for (const line of destructionLines(preview.destruction ?? [])) warn(`switchyard: ${line}\n`);
}

/** The snapshot service for --snapshot-first; without the store (a --url run, no passphrase) there is none. */
function snapshotTaker({ target, services }: Resolved, flags: TargetFlags, actor: string, request: RunRequest, confirmProduction: boolean): TakeSnapshot | undefined {
  if (!services) return undefined;
  const key = flags.profile ? (services.profiles.findByName(flags.profile) ?? services.profiles.get(flags.profile)).id : `url:${target.name}`;
  return (name) => services.snapshots.create({ key, target }, name, actor, { endSessions: request.endSessions === true, ...(confirmProduction ? { typedName: target.name } : {}) });
}

/** Ctrl-C asks the running operation to stop at its next checkpoint; a second Ctrl-C exits at once. */
export function cliOperation(json: boolean): { context: OperationContext; dispose(): void } {
  const controller = new AbortController();
  const onInterrupt = () => {
    warn('\nswitchyard: stopping after the current revision (Ctrl-C again to abort at once)\n');
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  };
  process.once('SIGINT', onInterrupt);
  const context: OperationContext = {
    opId: 'cli',
    signal: controller.signal,
    progress: () => undefined,
    log: (level, line) => (json || level === 'error' ? warn : say)(`${line}\n`),
    checkpoint: () => {
      if (controller.signal.aborted) throw new SwitchyardError('E_CANCELLED', 'Stopped by Ctrl-C between revisions; everything before was applied.');
    },
  };
  return { context, dispose: () => process.removeListener('SIGINT', onInterrupt) };
}

function runCommand(action: RunAction | 'status', summary: string): Command {
  const extra = action === 'status' ? '  --check      exit 3 when migrations are pending\n' : `  --to TARGET  ${action === 'upgrade' ? 'default: heads' : 'required'} (heads, head, base, an id prefix, label@head, +1, -1, rev+2…)\n  --dry-run    print the exact SQL and the preflight findings; change nothing\n  --yes-production   required for a production connection\n  --lock-timeout S   wait this long for another run's lock (default 10)\n${action === 'stamp' ? '' : "  --snapshot-first   take a snapshot before the first statement (restoring it undoes the run)\n  --end-sessions     with --snapshot-first: end the database's sessions for the copy (PostgreSQL)\n"}${action === 'stamp' ? '  --down       remove records down to TARGET instead of adding them up to it\n' : ''}`;
  const usage = `Usage: switchyard ${action} (--profile NAME | --url URL) [--project DIR] ${action === 'status' ? '[--check]' : '--to TARGET [--dry-run]'} [--json]\n\n${summary}\n\n${extra}  --json       machine-readable output\n\n${targetUsage}`;
  return {
    name: action,
    summary,
    usage,
    async run(args) {
      const { values } = parseFlags(
        args,
        { options: { ...targetOptions, to: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, check: { type: 'boolean' }, 'yes-production': { type: 'boolean' }, down: { type: 'boolean' }, 'lock-timeout': { type: 'string' }, 'snapshot-first': { type: 'boolean' }, 'end-sessions': { type: 'boolean' } } },
        usage,
      );
      const json = Boolean(values.json);
      const resolved = await resolveTarget(values);
      const { target, services } = resolved;
      try {
        if (action === 'status') {
          const status = await targetStatus(target);
          if (json) printJson(statusJson(status));
          else printStatus(target, status);
          return values.check && status.pending.length > 0 ? pendingExitCode : 0;
        }
        const to = values.to ?? (action === 'upgrade' ? 'heads' : undefined);
        if (!to) throw new UsageError(`${action} needs --to TARGET.\n\n${usage}`);
        if (action === 'stamp' && values['snapshot-first']) throw new UsageError('stamp runs no SQL, so it has nothing to snapshot first.');
        const request: RunRequest = {
          action,
          target: to,
          ...(values.down ? { down: true } : {}),
          ...(values['snapshot-first'] ? { snapshotFirst: true } : {}),
          ...(values['end-sessions'] ? { endSessions: true } : {}),
        };
        const actor = actorName('cli');
        if (values['dry-run']) {
          const preview = await previewTarget(target, request, actor);
          if (json) printJson(preview);
          else printPreview(preview);
          return preview.findings.some((f) => f.severity === 'error') ? 1 : 0;
        }
        const lockTimeoutMs = values['lock-timeout'] === undefined ? 10_000 : Number(values['lock-timeout']) * 1000;
        if (!Number.isFinite(lockTimeoutMs) || lockTimeoutMs < 0) throw new UsageError('--lock-timeout takes seconds');
        // Said before anything runs, also without --dry-run: nobody loses a table without being told.
        const destruction = action === 'stamp' ? [] : ((await previewTarget(target, request, actor)).destruction ?? []);
        for (const line of destructionLines(destruction)) warn(`switchyard: ${line}\n`);
        const confirmProduction = Boolean(values['yes-production']);
        const operation = cliOperation(json);
        const audit = services?.session.store.audit;
        let result: RunResult;
        try {
          const options = { actor, lockTimeoutMs, operation: operation.context, confirmProduction, ...(audit ? { audit: (r: AuditRecord) => audit.append(r) } : {}) };
          result = await runTarget(target, request, options, snapshotTaker(resolved, values, actor, request, confirmProduction));
        } finally {
          operation.dispose();
        }
        if (result.snapshot && !json) say(`Snapshot "${result.snapshot.name}" taken first — undo with: ${restoreCommand(result.snapshot.id, values, target)}\n`);
        if (json) printJson({ steps: result.steps, totalMs: result.totalMs, status: statusJson(result.status), ...(result.snapshot ? { snapshot: result.snapshot } : {}) });
        else say(`${result.steps.length === 0 ? 'Nothing to do' : `${action === 'stamp' ? 'Stamped' : 'Ran'} ${result.steps.length} revision(s) in ${result.totalMs} ms`}; now at ${result.status.heads.join(', ') || 'base'}.\n`);
        return 0;
      } catch (error) {
        if (services) await reportMissingDatabase(error, services, target, values);
        throw error;
      } finally {
        services?.close();
      }
    },
  };
}

export const statusCommand = runCommand('status', 'what is applied, pending, unknown and changed on a database');
export const upgradeCommand = runCommand('upgrade', 'apply migrations up to a target');
export const downgradeCommand = runCommand('downgrade', 'revert migrations down to a target');
export const stampCommand = runCommand('stamp', 'record (or with --down, un-record) migrations without running them');
