// The last step: the summary — every step's result, the verification, and the undo (restore the snapshot,
// once, after the same confirmation as every restore); after the undo, what the database is now. A
// reset chosen by hand can be saved as a recipe.
import { useEffect, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useConnections } from '../connections/connectionsStore';
import { PlanPending } from './PlanPending';
import { RestoreDialog } from './RestoreDialog';
import { SaveRecipeForm } from './SaveRecipeForm';
import { useReset } from './resetStore';
import { useSnapshots } from './snapshotsStore';
import { StepList } from './StepList';

export function VerifyStep() {
  const { plan, result, live, restart, profileId, recipe, statusAfterUndo: now, readStatusAfterUndo, restoresBeforeResult } = useReset();
  const { busy, notice, error, restored, snapshots } = useSnapshots();
  const profile = useConnections((s) => s.profiles.find((p) => p.id === profileId));
  const [asking, setAsking] = useState(false);
  const snapshot = result?.snapshot;
  const undone = snapshot !== undefined && restored.includes(snapshot.id);
  // Another snapshot restored since the reset (Reset demo, the snapshot list) replaced what the summary describes.
  const replacedBy = restored.slice(restoresBeforeResult).find((id) => id !== snapshot?.id);
  const replacedName = replacedBy === undefined ? undefined : (snapshots.find((s) => s.id === replacedBy)?.name ?? 'a snapshot');
  useEffect(() => {
    if (undone) void readStatusAfterUndo();
  }, [undone, readStatusAfterUndo]);
  if (!plan || !result || !profile) return <PlanPending back="confirm" />;
  const verification = result.verification;
  return (
    <div className="reset-step">
      {undone ? (
        <section aria-label="After the undo" className="reset-verification">
          <h2>Undone</h2>
          <p role="status" className="reset-ok">
            {plan.databaseName} is back as it was when “{snapshot.name}” was taken
            {typeof now === 'object' ? `: version bookkeeping at ${now.heads.join(', ') || 'base (nothing recorded)'}, ${now.pending.length} pending.` : '.'}
          </p>
          {typeof now === 'string' && <p className="muted">Its migration status could not be read: {now}</p>}
          <p className="muted">The reset below no longer describes the database.</p>
        </section>
      ) : replacedName !== undefined ? (
        <p role="status" className="muted">
          “{replacedName}” was restored over {plan.databaseName} since this reset: the summary below no longer describes the database.
        </p>
      ) : result.ok ? (
        <p role="status" className="reset-ok">
          Reset done in {(result.totalMs / 1000).toFixed(1)} s: {plan.databaseName} is {result.databaseState}.
        </p>
      ) : (
        <div role="alert" className="error">
          The reset stopped at the step “{result.steps.find((s) => s.step === result.stoppedAt)?.title ?? result.stoppedAt}”. The database is{' '}
          {result.databaseState}.{snapshot && ' The snapshot taken first is kept: restore it to get the data back.'}
        </div>
      )}
      <StepList planned={plan.steps} live={live.length ? live : result.steps} finished />
      {verification && !undone && replacedName === undefined && (
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
      {error && <ErrorMessage error={error} />}
      <div className="actions">
        {snapshot && (
          <button type="button" disabled={busy !== undefined || undone} onClick={() => setAsking(true)}>
            {busy ?? (undone ? `Undone: “${snapshot.name}” restored` : `Undo: restore “${snapshot.name}”`)}
          </button>
        )}
        <button type="button" className="primary" onClick={restart}>
          New reset
        </button>
      </div>
      {result.ok && !recipe && !undone && <SaveRecipeForm profileId={profile.id} />}
      {asking && snapshot && <RestoreDialog snapshot={snapshot} profile={profile} onClose={() => setAsking(false)} />}
    </div>
  );
}
