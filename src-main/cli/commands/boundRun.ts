// `switchyard status|upgrade|downgrade --project NAME --env ENV` on a project with bindings and no
// --role: per bound database instead of one connection. One block per database; a coordinated run
// through the API's bindings.run, followed as a long operation.
import { api } from '../../../src-shared/api';
import { SwitchyardError } from '../../../src-shared/errors';
import { boundRunLine, type BoundDatabaseStatus, type BoundPreview, type BoundStatus } from '../../../src-shared/model/boundRun';
import { countOf } from '../../../src-shared/format/plural';
import { actorName, type Services } from '../../services';
import { checkedInput } from '../checkedInput';
import { followOperation } from '../followOperation';
import { printJson, say, UsageError } from '../output';

/** The runner's flags that have no per-database meaning yet: refused by name rather than ignored. */
const notPerDatabase = ['rehearse', 'rehearsed', 'no-rehearse', 'no-schema-check', 'snapshot-first', 'end-sessions', 'format', 'alembic', 'url'] as const;

export interface BoundFlags {
  project: string;
  env: string;
  to?: string | undefined;
  json?: boolean | undefined;
  check?: boolean | undefined;
  'yes-production'?: boolean | undefined;
  [flag: string]: unknown;
}

/** Exit code of `status --check` when something is pending (as for one connection). */
const pendingExitCode = 3;

function databaseBlock(d: BoundDatabaseStatus): string {
  const head = `${d.role} — ${d.profileName ?? 'no connection'} (bound: ${d.labels.join(', ')})`;
  if (!d.standing) return `${head}\n  not read:  ${d.error?.message ?? 'unknown error'}\n`;
  const s = d.standing;
  const lines = [
    head,
    `  applied:  ${countOf(s.applied.length, 'revision')}; at ${s.heads.length ? s.heads.join(', ') : 'base (nothing applied)'}`,
    `  pending:  ${s.pending.length === 0 ? 'none — up to date' : `${countOf(s.pending.length, 'revision')}: ${s.pending.join(' ')}`}`,
  ];
  if (s.foreign.length) lines.push(`  foreign:  ${s.foreign.join(', ')} (another database's revisions, recorded on this one)`);
  if (s.unknown.length) lines.push(`  unknown:  ${s.unknown.join(', ')} (recorded in the database, in no file)`);
  if (s.changed.length) lines.push(`  changed:  ${s.changed.join(', ')} (file edited after it was applied)`);
  if (s.blockedBy) lines.push(`  blocked:  ${s.blockedBy}`);
  return `${lines.join('\n')}\n`;
}

function printBoundPreview(preview: BoundPreview): void {
  say(`${preview.action} ${preview.project} — ${preview.environment} to ${preview.to}, database by database (nothing is changed):\n`);
  for (const d of preview.databases) {
    const head = `${d.role} — ${d.profileName ?? 'no connection'}`;
    if (d.error) say(`\n-- ${head}: not previewed: ${d.error.message} [${d.error.code}]\n`);
    else if (d.targets.length === 0) say(`\n-- ${head}: not on this target, nothing to run\n`);
    else if (d.steps.length === 0) say(`\n-- ${head}: nothing to do\n`);
    else say(`\n-- ${head}: ${d.steps.join(', ')}\n${d.sql.trimEnd()}\n`);
    for (const f of d.findings) say(`-- ${f.severity}: ${f.message}\n`);
  }
}

function printBoundStatus(status: BoundStatus): void {
  say(`${status.project} — ${status.environment}, ${countOf(status.databases.length, 'database')}\n`);
  for (const d of status.databases) say(databaseBlock(d));
  for (const a of status.anomalies) say(`anomaly:  ${a.message}\n`);
}

/**
 * Runs the command per database when the project has bindings; undefined when it has none (the
 * caller goes on with the one connection). `usage` is the command's, for refusals.
 */
export async function runPerDatabase(
  services: Services,
  action: 'status' | 'upgrade' | 'downgrade',
  flags: BoundFlags,
  usage: string,
): Promise<number | undefined> {
  if (!services.boundRuns.isBound(flags.project)) return undefined;
  const refused = notPerDatabase.filter((flag) => flags[flag] !== undefined);
  if (refused.length > 0) {
    throw new UsageError(
      `The project ${flags.project} runs per database (it has bindings): ${refused.map((f) => `--${f}`).join(', ')} ${refused.length === 1 ? 'is' : 'are'} not taken per database. Give --role ROLE to work on one of its databases.\n\n${usage}`,
    );
  }
  if (action === 'status') {
    const status = await services.boundRuns.status(flags.project, flags.env);
    if (flags.json) printJson(status);
    else printBoundStatus(status);
    if (status.databases.some((d) => !d.standing)) return 1;
    return flags.check && status.databases.some((d) => (d.standing?.pending.length ?? 0) > 0) ? pendingExitCode : 0;
  }
  const to = flags.to ?? (action === 'upgrade' ? 'heads' : undefined);
  if (!to) throw new UsageError(`${action} needs --to TARGET.\n\n${usage}`);
  const seconds = flags['lock-timeout'];
  const lockTimeoutMs = seconds === undefined ? undefined : Number(seconds) * 1000;
  if (lockTimeoutMs !== undefined && (!Number.isFinite(lockTimeoutMs) || lockTimeoutMs < 0)) throw new UsageError('--lock-timeout takes seconds');
  const input = checkedInput(
    api['bindings.run'].input,
    // A script cannot type: --yes-production is the environment's name typed, as for a rollout.
    {
      project: flags.project,
      env: flags.env,
      action,
      to,
      confirmation: flags['yes-production'] ? { typedName: flags.env } : {},
      ...(lockTimeoutMs === undefined ? {} : { lockTimeoutMs: Math.round(lockTimeoutMs) }),
    },
    { to: '--to', env: '--env', project: '--project', lockTimeoutMs: '--lock-timeout' },
    usage,
  );
  if (flags['dry-run']) {
    const preview = await services.boundRuns.preview(input, actorName('cli'));
    if (flags.json) printJson(preview);
    else printBoundPreview(preview);
    return preview.databases.some((d) => d.error || d.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  }
  let started;
  try {
    started = services.boundRuns.run(input, actorName('cli'));
  } catch (error) {
    if (error instanceof SwitchyardError && error.code === 'E_CONFIRMATION_REQUIRED')
      throw new SwitchyardError(error.code, `${error.message} From the CLI: add --yes-production.`, error.detail);
    throw error;
  }
  const result = await followOperation(services, 'bindings.run', started, {
    json: Boolean(flags.json),
    stopping: 'stopping after the current revision; databases not started stay as they are',
  });
  if (flags.json) printJson(result);
  else say(`${result.databases.map(boundRunLine).join('\n')}\n`);
  return 0;
}
