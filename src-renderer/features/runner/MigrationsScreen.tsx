// Where the selected connection stands: applied, pending per branch, heads, problems; and the
// buttons that open the plan-and-confirm dialog.
import { useEffect } from 'react';
import { formatLabel } from '../../../src-shared/model/revision';
import { otherBookkeepingLine, type MigrationStatus } from '../../../src-shared/model/status';
import { useNavigation } from '../../app/navigationStore';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useConnections } from '../connections/connectionsStore';
import { ConnectionProblems } from '../connections/ConnectionProblems';
import { useProblems } from '../connections/problemsStore';
import { useConnectionProblems } from '../connections/useConnectionProblems';
import { DriftLine } from '../drift/DriftLine';
import { useRunDialog } from './runDialogStore';
import { useStatus } from './statusStore';
import { formatMoment } from '../../../src-shared/format/moment';

function Summary({ status, problems }: { status: MigrationStatus; problems: number }) {
  return (
    <div className="status-cards">
      <div className="status-card">
        <span className="status-number">{status.applied.length}</span> applied
      </div>
      <div className={`status-card${status.pending.length ? ' pending' : ' ok'}`}>
        <span className="status-number">{status.pending.length}</span> pending
      </div>
      <div className="status-card">
        <span className="status-number">{status.heads.length}</span> current head{status.heads.length === 1 ? '' : 's'}
        <span className="muted small">{status.heads.join(', ') || 'base'}</span>
      </div>
      <div className={`status-card${problems ? ' bad' : ''}`}>
        <span className="status-number">{problems}</span> problem{problems === 1 ? '' : 's'}
      </div>
    </div>
  );
}

export function MigrationsScreen() {
  const profileId = useConnections((s) => s.selected);
  const { status, error } = useStatus();
  const problems = useConnectionProblems(profileId ?? '');
  const refresh = useProblems((s) => s.refresh);
  const runsFinished = useRunDialog((s) => s.runsFinished);
  const openRun = useRunDialog((s) => s.open);
  const go = useNavigation((s) => s.go);

  useEffect(() => {
    if (profileId && profileId !== 'new') void refresh(profileId, 'status');
  }, [profileId, runsFinished, refresh]);
  if (!profileId || profileId === 'new') return null;

  return (
    <section className="migrations" aria-labelledby="migrations-title">
      <header className="form-head">
        <h1 id="migrations-title">Migrations</h1>
        <div className="head-actions">
          <button type="button" onClick={() => openRun(profileId, { action: 'downgrade', to: '-1' })} disabled={!status?.applied.length}>
            Downgrade…
          </button>
          <button type="button" onClick={() => openRun(profileId, { action: 'stamp', to: 'heads' })} disabled={!status}>
            Stamp…
          </button>
          <button type="button" className="primary" onClick={() => openRun(profileId, { action: 'upgrade', to: 'heads' })} disabled={!status?.pending.length}>
            Upgrade to heads…
          </button>
        </div>
      </header>
      {error && (
        <ErrorMessage error={error}>
          {error.code === 'E_PROJECT_NOT_FOUND' && (
            <button type="button" className="link" onClick={() => go('connection')}>
              Bind a project on the Connection tab
            </button>
          )}
        </ErrorMessage>
      )}
      {status && (
        <>
          <p className="muted">
            {formatLabel(status.format)} project <code>{status.project}</code>
          </p>
          {status.runRefusal && (
            <p className="error" role="alert">
              No run can start: {status.runRefusal}
            </p>
          )}
          {(status.otherBookkeeping ?? []).map((other) => (
            <p key={other.format} className={status.initialised ? 'muted' : 'notice'} role="note">
              {otherBookkeepingLine(status, other)}
            </p>
          ))}
          <Summary status={status} problems={problems.total} />
          <ConnectionProblems profileId={profileId} first="status" />
          <DriftLine profileId={profileId} />
          {status.pendingByBranch.length > 0 && (
            <section aria-label="Pending by branch">
              <h2>Pending, by head</h2>
              <ul className="pending-branches">
                {status.pendingByBranch.map((branch) => (
                  <li key={branch.head}>
                    <code>{branch.head}</code>: {branch.revisions.length} revision{branch.revisions.length === 1 ? '' : 's'}
                    <button type="button" className="small" onClick={() => openRun(profileId, { action: 'upgrade', to: branch.head })}>
                      Upgrade to {branch.head}…
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {status.unknown.length > 0 && <p className="error">Recorded in the database but defined by no file: {status.unknown.join(', ')}.</p>}
          {status.changed.length > 0 && <p className="notice">Edited after they were applied: {status.changed.join(', ')}.</p>}
          {status.records.length > 0 && (
            <section aria-label="Applied">
              <h2>Applied</h2>
              <table className="records">
                <thead>
                  <tr>
                    <th>Revision</th>
                    <th>Applied at</th>
                    <th>By</th>
                    <th>Took</th>
                  </tr>
                </thead>
                <tbody>
                  {[...status.records].reverse().map((record) => (
                    <tr key={record.revision}>
                      <td>
                        <code>{record.revision}</code>
                      </td>
                      <td>{record.appliedAt ? formatMoment(record.appliedAt) : '—'}</td>
                      <td>{record.appliedBy ?? '—'}</td>
                      <td>{record.durationMs === null ? '—' : `${record.durationMs} ms`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </>
      )}
    </section>
  );
}
