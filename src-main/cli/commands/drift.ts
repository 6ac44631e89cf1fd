// `switchyard drift`: is the database what its migrations say it should be, object by object? For
// people (each drifted object with the revision that made it) and for CI (exit 4 when it drifted).
import type { BoundDrift } from '../../../src-shared/model/boundRun';
import type { DriftReport } from '../../../src-shared/model/drift';
import { boundDrift } from '../../projects/boundDrift';
import { driftedObjectText, driftNoteLines, driftSummary, driftUnreadLines } from '../../../src-shared/schema/driftText';
import type { Command } from '../command';
import { openServices } from '../openServices';
import { printJson, say, UsageError } from '../output';
import { parseFlags } from '../parseFlags';
import { namesProjectEnvironment, targetRefOf } from '../targetFlags';
import { schemasDifferExitCode } from './diff';

const usage = `Usage:
  switchyard drift (--profile NAME | --project NAME --env ENV [--role ROLE]) [--json]

  Replays the profile's migrations up to what its database has applied (in a scratch database, cached)
  and compares the result with the database: every column, constraint, index, view, function… that
  differs, with the revision that made it. The project's exclusion rules set another application's
  objects apart: they are listed, never counted as drift.
  On a project with bindings, --project NAME --env ENV without --role compares each bound database
  of the environment with its own branch's migrations, one block per database (--json: { project,
  environment, databases: [{ role, labels, profileName, report | error }], anomalies }).

  --json   { connection, expected, objects: [{ change, kind, key, revision, expected, actual, attributes }], revisions, otherApplication, rules, unread, notes }
  Exit codes: 0 no drift, 4 drift, 1 an error, 2 a usage error.`;

const options = {
  profile: { type: 'string' },
  project: { type: 'string' },
  env: { type: 'string' },
  role: { type: 'string' },
  json: { type: 'boolean' },
} as const;

function reportText(report: DriftReport): string {
  const lines = [
    `${report.connection} against its migrations up to ${report.expected.revisions.join(', ') || 'base'} (${report.expected.revisionsFrom}; replayed in ${report.expected.replayedIn})`,
    '',
    ...report.objects.map(driftedObjectText),
  ];
  if (report.objects.length > 0) lines.push('');
  lines.push(`${driftSummary(report)}.`);
  if (report.revisions.length > 0) lines.push(`Revisions whose objects drifted: ${report.revisions.join(', ')}`);
  if (report.otherApplication.length > 0)
    lines.push('', 'Other application (not drift):', ...report.otherApplication.map((o) => `  ${o.kind} ${o.schema}.${o.name} (${o.rule})`));
  if (report.expected.unknownApplied.length > 0)
    lines.push('', `Applied but in no file of the project (what they made is not expected): ${report.expected.unknownApplied.join(', ')}`);
  const unread = driftUnreadLines(report);
  if (unread.length > 0) lines.push('', 'Not read (drift cannot speak for these):', ...unread.map((u) => `  ${u}`));
  const notes = driftNoteLines(report);
  if (notes.length > 0) lines.push('', ...notes);
  return `${lines.join('\n')}\n`;
}

/** Exit 1 when a database could not be compared, else 4 when any drifted, else 0. */
function printBound(drift: BoundDrift, json: boolean): number {
  if (json) printJson(drift);
  else {
    say(`${drift.project} — ${drift.environment}, ${drift.databases.length} databases\n`);
    for (const d of drift.databases) {
      say(`\n${d.role} — ${d.profileName ?? 'no connection'} (bound: ${d.labels.join(', ')})\n`);
      say(d.report ? reportText(d.report) : `not compared: ${d.error?.message ?? 'unknown error'} [${d.error?.code ?? ''}]\n`);
    }
    for (const a of drift.anomalies) say(`anomaly:  ${a.message}\n`);
  }
  if (drift.databases.some((d) => !d.report)) return 1;
  return drift.databases.some((d) => (d.report?.objects.length ?? 0) > 0) ? schemasDifferExitCode : 0;
}

async function run(args: string[]): Promise<number> {
  const { values: flags } = parseFlags(args, { options }, usage);
  if (!flags.profile && !namesProjectEnvironment(flags)) throw new UsageError(`Give --profile NAME (or --project NAME --env ENV).\n\n${usage}`);
  const services = await openServices({ store: 'required' });
  let report: DriftReport;
  try {
    // A project with bindings, no one connection picked: each bound database against its own branch.
    if (namesProjectEnvironment(flags) && !flags.role && !flags.profile && services.boundRuns.isBound(flags.project)) {
      return printBound(await boundDrift(services.boundRuns, (ref) => services.drift.drift(ref), flags.project, flags.env), Boolean(flags.json));
    }
    report = await services.drift.drift(targetRefOf(flags, services));
  } finally {
    services.close();
  }
  if (flags.json) printJson(report);
  else say(reportText(report));
  return report.objects.length === 0 ? 0 : schemasDifferExitCode;
}

export const driftCommand: Command = {
  name: 'drift',
  summary: 'is the database what its migrations say it should be: each drifted object with its revision',
  usage,
  run,
};
