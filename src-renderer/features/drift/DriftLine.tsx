// The Migrations tab's drift line, before any run: "drift: 3 objects" with each one and the revision
// that made it, or "no drift", or why it could not be read; and what either read could not do.
import { driftedObjectText, driftNoteLines, driftSummary, driftUnreadLines } from '../../../src-shared/schema/driftText';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useDrift } from './driftStore';

export function DriftLine({ profileId }: { profileId: string }) {
  const report = useDrift((s) => (s.profileId === profileId ? s.report : undefined));
  const error = useDrift((s) => (s.profileId === profileId ? s.error : undefined));
  // Without a project the status above already says so; the drift would only repeat it.
  if (error) return error.code === 'E_PROJECT_NOT_FOUND' ? null : <ErrorMessage error={error} lead="Drift not read" className="notice" />;
  if (!report) return <p className="muted">Comparing the schema with what the migrations make…</p>;
  const unread = driftUnreadLines(report);
  const notes = driftNoteLines(report);
  return (
    <section aria-label="Drift" className={report.objects.length ? 'notice' : 'muted'}>
      <p>
        <strong>{driftSummary(report)}</strong>
        {report.objects.length > 0 && ` against what the migrations make up to ${report.expected.revisions.join(', ') || 'base'}`}
        {report.otherApplication.length > 0 && ` (${report.otherApplication.length} other application's objects set apart)`}
      </p>
      {report.objects.length > 0 && (
        <ul className="drift-objects">
          {report.objects.map((o) => (
            <li key={o.key}>
              <code>{driftedObjectText(o)}</code>
            </li>
          ))}
        </ul>
      )}
      {unread.length > 0 && (
        <details>
          <summary>Not read, so drift cannot speak for {unread.length === 1 ? 'it' : `these ${unread.length}`}</summary>
          <ul className="drift-objects">
            {unread.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      )}
      {notes.map((line) => (
        <p key={line} className="small">
          {line}
        </p>
      ))}
    </section>
  );
}
