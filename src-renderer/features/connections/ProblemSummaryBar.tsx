// The connection's problems as one line every tab shows alike: the count, what they are, when they
// were read, and Refresh (a table made by hand is seen only when the database is read again).
import { formatMoment } from '../../../src-shared/format/moment';
import { nounFor } from '../../../src-shared/format/plural';
import type { ProblemSummary } from './problemSummary';

interface Props {
  summary: ProblemSummary;
  readAt: string | undefined;
  refreshing: boolean;
  onRefresh(): void;
}

export function ProblemSummaryBar({ summary, readAt, refreshing, onRefresh }: Props) {
  return (
    <section className={`problem-summary${summary.total ? ' bad' : ''}`} aria-label="Problems">
      <p>
        <strong>
          {summary.total} {nounFor(summary.total, 'problem')}
        </strong>
        {summary.lines.length > 0 && `: ${summary.lines.join('; ')}`}
        {summary.unread.length > 0 && <span className="muted"> (not read: {summary.unread.join(', ')})</span>}
      </p>
      {summary.analysisIncomplete && <p className="muted small">The table statuses may be off: {summary.analysisIncomplete}</p>}
      <p className="muted small">
        {readAt ? `As of ${formatMoment(readAt)}` : 'Reading…'}
        <button type="button" className="small" onClick={onRefresh} disabled={refreshing}>
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </p>
    </section>
  );
}
