// A run that failed: what the database records now (read after the failure), the runner's own words
// as details, and the ways on: the log, and the snapshot taken first when there is one.
import { useState } from 'react';
import type { Confirmation } from '../../../src-shared/model/confirmation';
import type { Profile } from '../../../src-shared/model/profile';
import type { Snapshot } from '../../../src-shared/model/reset';
import { SnapshotConsentDialog } from '../reset/SnapshotConsentDialog';
import type { StatusAfter } from './runDialogStore';
import { failedStepOf, failureSentence, keptSnapshotOf, standing } from './runOutcome';

interface Props {
  profile: Profile;
  error: { code: string; message: string; detail?: unknown };
  after: StatusAfter | undefined;
  restored: Snapshot | undefined;
  restoring: boolean;
  restoreError: string | undefined;
  onOpenLog(): void;
  onRestore(snapshot: Snapshot, consent: Confirmation & { endSessions: boolean }): void;
}

export function RunFailure({ profile, error, after, restored, restoring, restoreError, onOpenLog, onRestore }: Props) {
  const [asking, setAsking] = useState(false);
  const snapshot = keptSnapshotOf(error.detail);
  let sentence: string;
  if (after === undefined) sentence = restoring ? 'Restoring the snapshot…' : 'The run failed. Reading what the database records now…';
  else if ('error' in after)
    sentence = `The run failed, and the status could not be read after it (${after.error}): refresh the Migrations tab before running again.`;
  // The run never started: what failed was its rehearsal on a clone, and the database is as it was.
  else if (error.code === 'E_REHEARSAL_FAILED')
    sentence = `The rehearsal on a clone failed, so the run did not start. The database is ${standing(after.status)}.`;
  else if (restored) sentence = `Restored “${restored.name}”: the database is now ${standing(after.status)}.`;
  else sentence = failureSentence(failedStepOf(error.detail), after.status);
  return (
    <div className="run-failure">
      <p className="error" role="alert">
        {sentence}
      </p>
      {restoreError && (
        <p className="error" role="alert">
          The snapshot was not restored: {restoreError}
        </p>
      )}
      <p className="muted small">
        Details: {error.message} ({error.code})
      </p>
      <div className="actions">
        <button type="button" onClick={onOpenLog}>
          Open the log
        </button>
        {snapshot && !restored && (
          <button type="button" className="primary" disabled={restoring} onClick={() => setAsking(true)}>
            Restore the snapshot taken first…
          </button>
        )}
      </div>
      {asking && snapshot && (
        <SnapshotConsentDialog
          title={`Restore “${snapshot.name}”?`}
          confirmLabel="Restore"
          profile={profile}
          onCancel={() => setAsking(false)}
          onConfirm={(consent) => {
            setAsking(false);
            onRestore(snapshot, { ...consent, ...(profile.environment === 'prod' ? { environmentAcknowledged: 'production' } : {}) });
          }}
        >
          <p>
            The database of {profile.name} is replaced by the snapshot “{snapshot.name}”, taken before this run: what the run changed before it failed is
            undone.
          </p>
        </SnapshotConsentDialog>
      )}
    </div>
  );
}
