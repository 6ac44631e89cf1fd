// The runner's check after a run: the database's whole schema (columns, indexes, constraints, views…)
// against what its migrations make at the revisions it has applied now, so a run that "succeeded" on a
// database fixed by hand says what still differs.
import { countOf } from '../format/plural';
import { driftedObjectText, driftNoteLines } from '../schema/driftText';
import type { DriftReport } from './drift';

export type RunSchemaCheck =
  | {
      checked: true;
      /** The drift after the run: empty objects when the schema is what the migrations make (another application's objects set apart). */
      report: DriftReport;
      /** How long the check took after the run, the replay of the migrations (or its cached answer) included. */
      ms: number;
    }
  /** Not compared, and why in words (nothing ran, the user skipped it, the replay failed…): never read as "same". */
  | { checked: false; why: string };

/** What the run dialog and the CLI say first: one line. */
export function schemaCheckSummary(check: RunSchemaCheck): string {
  if (!check.checked) return `Schema not checked: ${check.why}`;
  const { report, ms } = check;
  const at = report.expected.revisions.join(', ') || 'base';
  const unread = report.unread.expected.length + report.unread.actual.length;
  const apart = report.otherApplication.length === 0 ? '' : `; ${countOf(report.otherApplication.length, 'object')} of another application set apart`;
  const notRead = unread === 0 ? '' : `; ${countOf(unread, 'object')} not read on either side, not compared`;
  const notes = report.notes.expected.length + report.notes.actual.length;
  const noted = notes === 0 ? '' : `; ${countOf(notes, 'note')} on the read below`;
  const replay = report.expected.fromCache ? 'replay cached' : `replayed in ${report.expected.replayedIn}`;
  return report.objects.length === 0
    ? `Schema checked: what the migrations make at ${at}, column by column (${ms} ms, ${replay}${apart}${notRead}${noted}).`
    : `Schema differs from what the migrations make at ${at}: ${countOf(report.objects.length, 'object')} (${ms} ms, ${replay}${apart}${notRead}${noted}).`;
}

/** Each drifted object in a line, with the revision that made it; then each note on how a read went. */
export function schemaCheckLines(check: RunSchemaCheck): string[] {
  return check.checked ? [...check.report.objects.map(driftedObjectText), ...driftNoteLines(check.report)] : [];
}
