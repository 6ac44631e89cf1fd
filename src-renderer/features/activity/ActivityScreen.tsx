// The audit log: who changed what and when (profiles, runs, resets), newest first, and whether the
// hash chain is intact.
import { useEffect } from 'react';
import { useConnections } from '../connections/connectionsStore';
import { useRunDialog } from '../runner/runDialogStore';
import { useActivity } from './activityStore';
import { auditActionWords } from '../../../src-shared/format/auditActions';
import { formatMoment } from '../../../src-shared/format/moment';
import { ErrorMessage } from '../../components/ErrorMessage';
import { describeAuditDetail } from './auditDetail';

export function ActivityScreen() {
  const profile = useConnections((s) => s.profiles.find((p) => p.id === s.selected));
  const runsFinished = useRunDialog((s) => s.runsFinished);
  const { entries, verification, error, onlyThisConnection, load, setOnlyThisConnection } = useActivity();

  const shownProfileId = onlyThisConnection ? profile?.id : undefined;
  useEffect(() => {
    void load(shownProfileId);
  }, [load, shownProfileId, runsFinished, profile?.updatedAt]);

  return (
    <section className="activity" aria-labelledby="activity-title">
      <header className="form-head">
        <h1 id="activity-title">Activity</h1>
        {verification && (
          <span className={verification.ok ? 'ok-text' : 'error'} role="status">
            {verification.ok
              ? `Audit chain intact (${verification.entries} entries)`
              : `Audit chain broken at entry ${verification.brokenAt}: the log was edited outside Switchyard`}
          </span>
        )}
      </header>
      {error && <ErrorMessage lead="The activity could not be read" error={error} />}
      {profile && (
        <label className="check">
          <input type="checkbox" checked={onlyThisConnection} onChange={(e) => setOnlyThisConnection(e.target.checked)} /> Only {profile.name}
        </label>
      )}
      <table className="records">
        <thead>
          <tr>
            <th>When</th>
            <th>Who</th>
            <th>What</th>
            <th>On</th>
            <th>Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq}>
              <td>{formatMoment(entry.at)}</td>
              <td>{entry.actor}</td>
              <td title={entry.action}>{auditActionWords(entry.action, entry.detail)}</td>
              <td>{entry.target}</td>
              <td className="muted small activity-detail">{describeAuditDetail(entry.detail)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 && <p className="muted">Nothing recorded yet.</p>}
    </section>
  );
}
