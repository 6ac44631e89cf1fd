// Drift in words, for people: the one-line summary the Migrations tab and the CLI both say, each
// drifted object's line with the revision that made it, and what either side's read could not do.
import { countOf } from '../format/plural';
import type { DriftedObject, DriftReport } from '../model/drift';
import { attributeValueText, differenceObject, sideNoteLines } from './schemaComparisonText';

/** `drift: 3 objects`, `no drift`. */
export function driftSummary(report: Pick<DriftReport, 'objects'>): string {
  return report.objects.length === 0 ? 'no drift' : `drift: ${countOf(report.objects.length, 'object')}`;
}

/** `~ column "public"."orders"."total": default 0 → 1 (made by ord02)`. */
export function driftedObjectText(o: DriftedObject): string {
  const what =
    o.change === 'changed'
      ? o.attributes.map((a) => `${a.attribute} ${attributeValueText(a.from)} → ${attributeValueText(a.to)} (migrations → database)`).join('; ')
      : o.change === 'unexpected'
        ? 'in the database, not made by the migrations'
        : 'made by the migrations, not in the database';
  const made = o.revision === null ? 'no revision made it' : o.change === 'unexpected' ? `on what ${o.revision} made` : `made by ${o.revision}`;
  return `${{ unexpected: '+', missing: '-', changed: '~' }[o.change]} ${differenceObject(o)}: ${what} (${made})`;
}

/** What either side's reader could not model: drift cannot speak for it. */
export function driftUnreadLines(report: Pick<DriftReport, 'unread'>): string[] {
  return [
    ...report.unread.expected.map((u) => `migrations: ${u.object}: ${u.reason}`),
    ...report.unread.actual.map((u) => `database: ${u.object}: ${u.reason}`),
  ];
}

/** How each side's read went otherwise than planned: the database's, then the replay's. */
export function driftNoteLines(report: Pick<DriftReport, 'notes'>): string[] {
  return [...sideNoteLines('the database', report.notes.actual), ...sideNoteLines("what the migrations make (the replay's read)", report.notes.expected)];
}
