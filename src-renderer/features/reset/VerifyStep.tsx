// Step 6: the summary — every step's result, the verification, and the undo (restore the snapshot).
import { PlanPending } from './PlanPending';
import { useReset } from './resetStore';
import { useSnapshots } from './snapshotsStore';
import { StepList } from './StepList';

export function VerifyStep() {
  const { plan, result, live, restart } = useReset();
  const { restore, busy, notice, error } = useSnapshots();
  if (!plan || !result) return <PlanPending back="confirm" />;
  const verification = result.verification;
  return (
    <div className="reset-step">
      {result.ok ? (
        <p role="status" className="reset-ok">
          Reset done in {(result.totalMs / 1000).toFixed(1)} s: {plan.databaseName} is {result.databaseState}.
        </p>
      ) : (
        <div role="alert" className="error">
          The reset stopped at the step “{result.steps.find((s) => s.step === result.stoppedAt)?.title ?? result.stoppedAt}”. The database is {result.databaseState}.
          {result.snapshot && ' The snapshot taken first is kept: restore it to get the data back.'}
        </div>
      )}
      <StepList planned={plan.steps} live={live.length ? live : result.steps} finished />
      {verification && (
        <section aria-label="Verification" className="reset-verification">
          <h2>Verification</h2>
          <p>Version bookkeeping at {verification.heads.join(', ') || 'base (nothing recorded)'}.</p>
          <p>
            {verification.missingTables.length === 0 && verification.unexpectedTables.length === 0
              ? 'Tables equal to what the migrations create: none missing, none unexpected.'
              : `Missing: ${verification.missingTables.join(', ') || 'none'}. Unexpected: ${verification.unexpectedTables.join(', ') || 'none'}.`}
          </p>
        </section>
      )}
      {notice && <p role="status">{notice}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        {result.snapshot && (
          <button type="button" disabled={busy !== undefined} onClick={() => result.snapshot && void restore(result.snapshot, plan.environment === 'prod')}>
            {busy ?? `Undo: restore “${result.snapshot.name}”`}
          </button>
        )}
        <button type="button" className="primary" onClick={restart}>
          New reset
        </button>
      </div>
    </div>
  );
}
