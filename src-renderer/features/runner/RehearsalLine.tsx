// The run dialog's rehearsal line: "Rehearsed ✓ 2 min ago" with what the rehearsal saw (its locks on
// existing tables, the schema change and what its reads of the clone could not do), or why the plan is
// not rehearsed; the Rehearse button, and whether the run rehearses first.
import { allDifferences } from '../../../src-shared/schema/schemaDiff';
import { lockSentence, rehearsalReadLines, type Rehearsal } from '../../../src-shared/model/rehearsal';
import { countOf } from '../../../src-shared/format/plural';
import { formatMoment } from '../../../src-shared/format/moment';
import { timeAgo } from '../../../src-shared/format/timeAgo';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useRehearsal } from './rehearsalStore';

/** Locks shown in the line; the rest are counted. */
const shownLocks = 3;

interface Props {
  rehearseFirst: boolean;
  onRehearseFirst(checked: boolean): void;
}

function RehearsalFacts({ rehearsal }: { rehearsal: Rehearsal }) {
  const changes = rehearsal.schemaChange ? allDifferences(rehearsal.schemaChange).length : 0;
  return (
    <ul className="run-rehearsal-facts small">
      <li>
        {countOf(rehearsal.steps.length, 'revision')} in {rehearsal.totalMs} ms on {rehearsal.clone.description}
      </li>
      {rehearsal.locks.slice(0, shownLocks).map((lock) => (
        <li key={`${lock.table}-${lock.mode}-${lock.revision}`}>{lockSentence(lock)}</li>
      ))}
      {rehearsal.locks.length > shownLocks && <li>and {countOf(rehearsal.locks.length - shownLocks, 'other lock')}</li>}
      {rehearsal.locks.length === 0 && <li>No locks seen on existing tables ({rehearsal.locksNote}).</li>}
      <li>Schema change: {changes === 0 ? 'none' : countOf(changes, 'difference')}</li>
      {rehearsalReadLines(rehearsal).map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

export function RehearsalLine({ rehearseFirst, onRehearseFirst }: Props) {
  const { standing, rehearsing, activity, error, rehearse } = useRehearsal();
  const rehearsal = standing?.rehearsal;
  return (
    <section className="run-rehearsal" aria-label="Rehearsal">
      <p role="status">
        {rehearsing && <>Rehearsing on a clone… {activity}</>}
        {!rehearsing && standing === undefined && error === undefined && <span className="muted">Looking for a rehearsal of this plan…</span>}
        {!rehearsing && standing?.state === 'rehearsed' && rehearsal && (
          <span className="ok-text" title={formatMoment(rehearsal.at)}>
            Rehearsed ✓ {timeAgo(rehearsal.at)}
          </span>
        )}
        {!rehearsing && standing?.state === 'failed' && rehearsal && (
          <span title={formatMoment(rehearsal.at)}>
            Rehearsal failed {timeAgo(rehearsal.at)}: {rehearsal.failure?.message}
          </span>
        )}
        {!rehearsing && (standing?.state === 'stale' || standing?.state === 'none') && <>Not rehearsed: {standing.why}.</>}
      </p>
      {!rehearsing && rehearsal && <RehearsalFacts rehearsal={rehearsal} />}
      {error && <ErrorMessage lead="Rehearsal" error={error} />}
      <div className="run-rehearsal-actions">
        <button type="button" disabled={rehearsing} onClick={() => void rehearse()}>
          {rehearsal ? 'Rehearse again' : 'Rehearse'}
        </button>
        <label className="check">
          <input type="checkbox" checked={rehearseFirst} onChange={(e) => onRehearseFirst(e.target.checked)} />
          Rehearse on a clone first (the run stops if the rehearsal fails)
        </label>
      </div>
    </section>
  );
}
