// Step 2: what will be destroyed, who is connected, which snapshots exist, and whether we may.
import { formatBytes } from '../../../src-shared/model/inventoryExport';
import { PlanPending } from './PlanPending';
import { SessionTable } from '../../components/SessionTable';
import { useReset } from './resetStore';
import { countOf, nounFor } from '../../../src-shared/format/plural';

export function ImpactStep() {
  const { plan, go } = useReset();
  if (!plan) return <PlanPending back="target" />;
  const { impact } = plan;
  return (
    <div className="reset-step">
      <section aria-label="What will be destroyed" className="status-cards">
        <div className="status-card">
          <span className="status-number">{impact.tables}</span> {nounFor(impact.tables, 'table')}
        </div>
        <div className="status-card">
          <span className="status-number">
            {impact.rowsExact ? '' : '~'}
            {impact.rows.toLocaleString('en-US')}
          </span>{' '}
          {nounFor(impact.rows, 'row')}
          {impact.rowsExact ? '' : ' (planner estimate)'}
        </div>
        <div className="status-card">
          <span className="status-number">{formatBytes(impact.bytes) || '0 B'}</span> of data
        </div>
        <div className={`status-card${impact.sessions.length ? ' pending' : ''}`}>
          <span className="status-number">{impact.sessions.length}</span> active {nounFor(impact.sessions.length, 'session')}
        </div>
      </section>
      {impact.sessions.length > 0 && <SessionTable sessions={impact.sessions} label="Active sessions" />}
      <p role="status" className={impact.privileges.ok ? 'reset-ok' : 'error'}>
        Privileges: {impact.privileges.explanation}
      </p>
      {plan.refusals.map((refusal) => (
        <p key={refusal} className="error" role="alert">
          {refusal}
        </p>
      ))}
      <p className="muted">
        {plan.snapshots.length === 0
          ? 'No snapshots of this connection yet.'
          : `${countOf(plan.snapshots.length, 'snapshot')} available: ${plan.snapshots.map((s) => s.name).join(', ')}.`}
      </p>
      <div className="actions">
        <button type="button" onClick={() => go('target')}>
          Back
        </button>
        <button type="button" className="primary" onClick={() => go('safety')}>
          Next: safety net
        </button>
      </div>
    </div>
  );
}
