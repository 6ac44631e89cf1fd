// `switchyard status|upgrade|downgrade --project NAME --env ENV` on a project with bindings and no
// --role: per bound database instead of one connection. One block per database; a coordinated run
// through the API's bindings.run, followed as a long operation, rehearsed per database first as a run
// on one connection is (staging and production by default; --rehearse, --rehearsed, --no-rehearse)
// and with a snapshot of each database first when asked (--snapshot-first).
import { api } from '../../../src-shared/api';
import { SwitchyardError } from '../../../src-shared/errors';
import {
  boundRehearsalLine,
  boundRunLine,
  type BoundDatabaseRehearsal,
  type BoundDatabaseStatus,
  type BoundPreview,
  type BoundRehearsalMode,
  type BoundRunDatabase,
  type BoundRunResult,
  type BoundStatus,
} from '../../../src-shared/model/boundRun';
import { countOf } from '../../../src-shared/format/plural';
import type { Rehearsal } from '../../../src-shared/model/rehearsal';
import { actorName, type Services } from '../../services';
import { checkedInput } from '../checkedInput';
import { restoreCommand } from '../commandHint';
import { followOperation } from '../followOperation';
import { printJson, say, UsageError, warn } from '../output';
import { rehearsalReport } from '../rehearsalReport';

/** The runner's flags that have no per-database meaning: refused by name rather than ignored. */
const notPerDatabase = ['format', 'alembic', 'url'] as const;

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
  if (flags.rehearse && (flags.rehearsed || flags['dry-run']))
    throw new UsageError('--rehearse runs nothing on the databases themselves: it takes neither --rehearsed nor --dry-run.');
  if (flags['no-rehearse'] && (flags.rehearse || flags.rehearsed))
    throw new UsageError('--no-rehearse skips the rehearsals: it takes neither --rehearse nor --rehearsed.');
  const rehearsal: BoundRehearsalMode = flags.rehearsed ? 'required' : flags['no-rehearse'] ? 'skip' : 'protected';
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
      rehearsal,
      ...(flags['snapshot-first'] ? { snapshotFirst: true } : {}),
      ...(flags['end-sessions'] ? { endSessions: true } : {}),
      ...(flags['no-schema-check'] ? { schemaCheck: false } : {}),
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
  const json = Boolean(flags.json);
  if (flags.rehearse) {
    const rehearsed = await followOperation(services, 'bindings.rehearse', services.boundRuns.rehearse(input, actorName('cli')), {
      json,
      stopping: 'stopping the rehearsal after the current revision; the clone is dropped',
    });
    if (json) printJson(rehearsed);
    else {
      printRehearsals(rehearsed.databases.map((d) => d.rehearsal));
      say(`${rehearsed.databases.map(boundRehearsalLine).join('\n')}\nNothing ran on the databases themselves (--rehearse).\n`);
    }
    return rehearsed.ok ? 0 : 1;
  }
  // In --json the lines go to stderr: stdout holds one JSON document.
  if (rehearsal === 'skip')
    (json ? warn : say)(`Not rehearsed: --no-rehearse given (the staging and production databases of ${flags.env} rehearse on a clone first by default).\n`);
  let started;
  try {
    started = services.boundRuns.run(input, actorName('cli'));
  } catch (error) {
    if (error instanceof SwitchyardError && error.code === 'E_CONFIRMATION_REQUIRED')
      throw new SwitchyardError(error.code, `${error.message} From the CLI: add --yes-production.`, error.detail);
    throw error;
  }
  const result = await followOperation(services, 'bindings.run', started, {
    json,
    stopping: 'stopping after the current revision; databases not started stay as they are',
  }).catch((error: unknown) => {
    // A failed rehearsal's report (file and line, locks) is printed before the error that says nothing ran.
    const partial = error instanceof SwitchyardError ? (error.detail as { result?: BoundRunResult } | undefined)?.result : undefined;
    if (partial && !json) printRehearsals(partial.databases.map((d) => d.rehearsal));
    throw error;
  });
  if (json) printJson(result);
  else {
    printRehearsals(result.databases.map((d) => d.rehearsal));
    say(`${result.databases.map(boundRunLine).join('\n')}\n`);
    // Each database's rehearsal in a line, once any database was one the run rehearses (none on dev connections by default).
    const told = result.databases.filter((d) => d.rehearsal && d.rehearsal.state !== 'notAsked' && d.rehearsal.state !== 'nothing');
    if (told.length > 0)
      say(`Rehearsals:\n${result.databases.map((d) => `  ${boundRehearsalLine({ ...d, rehearsal: d.rehearsal ?? { state: 'nothing' } })}`).join('\n')}\n`);
    for (const d of result.databases) if (d.snapshot) say(`${snapshotLine(services, d)}\n`);
  }
  return 0;
}

/** Each rehearsal made now, in full (how the clone was made, each revision's time, a failure's file and line, the locks). */
function printRehearsals(rehearsals: ReadonlyArray<BoundDatabaseRehearsal | undefined>): void {
  const made = rehearsals.filter((r) => r?.state === 'rehearsed' || r?.state === 'failed').map((r) => r?.rehearsal as Rehearsal);
  for (const rehearsal of made) say(rehearsalReport(rehearsal));
}

/** "Snapshot "…" of the auth database (auth prod) taken first — undo with: switchyard snapshot restore …" */
function snapshotLine(services: Services, d: BoundRunDatabase): string {
  const environment = d.profileId ? services.session.store.profiles.get(d.profileId).environment : 'dev';
  const undo = restoreCommand(d.snapshot?.id as string, { profile: d.profileName ?? '' }, { name: d.profileName ?? '', environment });
  return `Snapshot "${d.snapshot?.name}" of the ${d.role} database (${d.profileName}) taken first — undo its part with: ${undo}`;
}
