// On opening a connection, before anything else: its database is missing but has snapshots, or a
// reset of it was interrupted — said in the service's words, with the snapshot to restore (asked first).
import { useEffect, useState } from 'react';
import type { DatabaseCondition } from '../../../src-shared/model/reset';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useConnections } from '../connections/connectionsStore';
import { useCondition } from './conditionStore';
import { RestoreDialog } from './RestoreDialog';
import { useSnapshots } from './snapshotsStore';

/** Only "it does not exist": a database not created yet (a new SQLite file) — the screens say so themselves when it matters. */
function nothingToOffer(condition: DatabaseCondition): boolean {
  return (
    !condition.databaseExists && !condition.latestSnapshot && !condition.interruptedReset && condition.settled.length === 0 && condition.notices.length === 1
  );
}

export function DatabaseConditionBanner() {
  const profile = useConnections((s) => s.profiles.find((p) => p.id === s.selected));
  const { restored, busy, error, notice, load } = useSnapshots();
  const { condition, load: loadCondition } = useCondition();
  const [asking, setAsking] = useState(false);
  // Once the banner's restore ran, its outcome stays said here, whichever screen is open.
  const [acted, setActed] = useState(false);
  const profileId = profile?.id;
  useEffect(() => setActed(false), [profileId]);
  useEffect(() => {
    if (!profileId) return;
    // The restore below acts through the snapshots store: it must be on this connection.
    void load(profileId);
    void loadCondition(profileId);
  }, [profileId, restored, load, loadCondition]);
  if (acted && notice && condition?.notices.length === 0) {
    return (
      <p className="banner ok" role="status">
        {notice}
      </p>
    );
  }
  if (!profile || !condition || condition.notices.length === 0 || nothingToOffer(condition)) return null;
  const snapshot = condition.interruptedReset?.snapshot ?? condition.latestSnapshot;
  return (
    <section className="banner error condition-banner" role="alert" aria-label="Before you go on">
      {condition.notices.map((notice) => (
        <p key={notice}>{notice}</p>
      ))}
      {error && <ErrorMessage className="condition-error" error={error} />}
      {snapshot && (
        <button
          type="button"
          className="danger"
          disabled={busy !== undefined}
          onClick={() => {
            setActed(true);
            setAsking(true);
          }}
        >
          {busy ?? `Restore “${snapshot.name}”…`}
        </button>
      )}
      {asking && snapshot && <RestoreDialog snapshot={snapshot} profile={profile} onClose={() => setAsking(false)} />}
    </section>
  );
}
