// Step 3: a backup (snapshot) first, on by default, named with where it goes and about how big; when it
// cannot be taken, that is said here with what to do. Skipping needs an acknowledgement, never on production.
import { formatBytes } from '../../../src-shared/model/inventoryExport';
import type { SafetyNetPlan } from '../../../src-shared/model/reset';
import { PlanPending } from './PlanPending';
import { useReset } from './resetStore';

function SafetyNetFacts({ safetyNet }: { safetyNet: SafetyNetPlan }) {
  return (
    <dl className="reset-safety-net" aria-label="The backup">
      <dt>Name</dt>
      <dd>
        {safetyNet.name} <span className="muted">(with the time it is taken)</span>
      </dd>
      <dt>Where</dt>
      <dd>{safetyNet.place}</dd>
      <dt>Size</dt>
      <dd>about {formatBytes(safetyNet.estimatedBytes) || '0 B'}: the data its tables hold now</dd>
    </dl>
  );
}

export function SafetyStep() {
  const { request, plan, setRequest, go, recipe } = useReset();
  if (!plan) return <PlanPending back="impact" />;
  const production = plan.environment === 'prod';
  // A recipe that says nobody may skip its snapshot keeps it (the server refuses a skip all the same).
  const keptByRecipe = recipe?.snapshotSkip === 'nobody';
  const skipping = !request.takeSnapshot;
  const { safetyNet } = plan;
  const impossible = request.takeSnapshot && safetyNet !== undefined && !safetyNet.possible.ok;
  const blocker = impossible
    ? production
      ? 'Production needs the backup: use a role that may take it.'
      : 'Untick the backup above to go on without it, or use a role that may take it.'
    : skipping && !request.skipSnapshotAcknowledged
      ? 'Tick “I understand” above to go on without a backup.'
      : undefined;
  return (
    <div className="reset-step">
      <label className="reset-choice">
        <input
          type="checkbox"
          checked={request.takeSnapshot}
          disabled={production || keptByRecipe}
          onChange={(e) => setRequest({ takeSnapshot: e.target.checked, skipSnapshotAcknowledged: false })}
        />
        Take a snapshot first — a backup of the whole database, which undoes the reset when restored
      </label>
      {request.takeSnapshot && safetyNet && <SafetyNetFacts safetyNet={safetyNet} />}
      {request.takeSnapshot && !safetyNet && <p className="muted">The database does not exist: there is nothing to back up.</p>}
      {impossible && (
        <p className="error" role="alert">
          This backup cannot be taken. {safetyNet.possible.explanation}
        </p>
      )}
      {production && <p className="muted">{plan.connection} is a production connection: the backup cannot be skipped.</p>}
      {keptByRecipe && !production && <p className="muted">The recipe “{recipe.name}” says nobody may skip the backup.</p>}
      {skipping && (
        <label className="reset-choice reset-warning">
          <input
            type="checkbox"
            checked={request.skipSnapshotAcknowledged === true}
            onChange={(e) => setRequest({ skipSnapshotAcknowledged: e.target.checked })}
          />
          I understand that without a backup nothing can undo this reset
        </label>
      )}
      <div className="actions">
        <button type="button" onClick={() => go('impact')}>
          Back
        </button>
        <button
          type="button"
          className="primary"
          disabled={blocker !== undefined}
          aria-describedby={blocker ? 'safety-blocked' : undefined}
          onClick={() => go('confirm')}
        >
          Next: confirm
        </button>
        {blocker && (
          <span id="safety-blocked" className="muted">
            {blocker}
          </span>
        )}
      </div>
    </div>
  );
}
