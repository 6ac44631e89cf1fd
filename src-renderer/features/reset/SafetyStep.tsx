// Step 3: a snapshot first, on by default; skipping needs an acknowledgement, never on production.
import { PlanPending } from './PlanPending';
import { useReset } from './resetStore';

export function SafetyStep() {
  const { request, plan, setRequest, go } = useReset();
  if (!plan) return <PlanPending back="impact" />;
  const production = plan.environment === 'prod';
  const skipping = !request.takeSnapshot;
  return (
    <div className="reset-step">
      <label className="reset-choice">
        <input
          type="checkbox"
          checked={request.takeSnapshot}
          disabled={production}
          onChange={(e) => setRequest({ takeSnapshot: e.target.checked, skipSnapshotAcknowledged: false })}
        />
        Take a snapshot first (undo the reset with one click)
      </label>
      {production && <p className="muted">{plan.connection} is a production connection: the snapshot cannot be skipped.</p>}
      {skipping && (
        <label className="reset-choice reset-warning">
          <input
            type="checkbox"
            checked={request.skipSnapshotAcknowledged === true}
            onChange={(e) => setRequest({ skipSnapshotAcknowledged: e.target.checked })}
          />
          I understand that nothing can undo this reset
        </label>
      )}
      <div className="actions">
        <button type="button" onClick={() => go('impact')}>
          Back
        </button>
        <button type="button" className="primary" disabled={skipping && !request.skipSnapshotAcknowledged} onClick={() => go('confirm')}>
          Next: confirm
        </button>
      </div>
    </div>
  );
}
