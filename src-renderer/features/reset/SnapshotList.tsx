// The database's snapshots: take one, keep the database as its pristine demo (what "Reset demo"
// restores), restore one, delete one — each after a confirmation that says what it does and, for take
// and restore, whom it disconnects.
import { useState } from 'react';
import { databaseNameOf, engineDescriptions } from '../../../src-shared/model/engineDescription';
import type { Profile } from '../../../src-shared/model/profile';
import { demoSnapshotName, type Snapshot } from '../../../src-shared/model/reset';
import { formatBytes } from '../../../src-shared/model/inventoryExport';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ProductionNameField } from '../../components/ProductionNameField';
import { RestoreDialog } from './RestoreDialog';
import { SnapshotConsentDialog } from './SnapshotConsentDialog';
import { useSnapshots } from './snapshotsStore';
import { formatMoment } from '../../../src-shared/format/moment';

type Question = { action: 'restore' | 'delete'; snapshot: Snapshot } | { action: 'create' | 'keepPristine' };

export function SnapshotList({ profile }: { profile: Profile }) {
  const { snapshots, busy, create, remove } = useSnapshots();
  const [name, setName] = useState('');
  const [asking, setAsking] = useState<Question | undefined>();
  // Deleting a production database's snapshot needs its name typed (the service checks it too).
  const [typedName, setTypedName] = useState('');
  const production = profile.environment === 'prod';
  const hasPristine = snapshots.some((s) => s.name === demoSnapshotName);
  return (
    <section aria-labelledby="snapshots-title" className="reset-snapshots">
      <h2 id="snapshots-title">Snapshots of {databaseNameOf(profile)}</h2>
      <form
        className="reset-snapshot-form"
        onSubmit={(e) => {
          e.preventDefault();
          setAsking({ action: 'create' });
        }}
      >
        <label>
          Snapshot name
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="before the demo" />
        </label>
        <button type="submit" disabled={busy !== undefined}>
          Take a snapshot
        </button>
        {!hasPristine && (
          <button type="button" disabled={busy !== undefined} onClick={() => setAsking({ action: 'keepPristine' })}>
            Keep as pristine demo
          </button>
        )}
      </form>
      {snapshots.length === 0 ? (
        <p className="muted">No snapshots yet.</p>
      ) : (
        <table aria-label="Snapshot list">
          <thead>
            <tr>
              <th>Name</th>
              <th>Size</th>
              <th>Created</th>
              <th>At revision</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {snapshots.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.name}
                  {s.state !== 'ready' && <span className="muted small"> — unfinished (its copy was interrupted): it cannot be restored</span>}
                </td>
                <td className="numeric">{formatBytes(s.sizeBytes)}</td>
                <td>{formatMoment(s.createdAt)}</td>
                <td>{s.heads.join(', ') || '—'}</td>
                <td className="reset-row-actions">
                  <button type="button" disabled={busy !== undefined || s.state !== 'ready'} onClick={() => setAsking({ snapshot: s, action: 'restore' })}>
                    Restore
                  </button>
                  <button
                    type="button"
                    disabled={busy !== undefined}
                    onClick={() => {
                      setTypedName('');
                      setAsking({ snapshot: s, action: 'delete' });
                    }}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {asking?.action === 'create' && (
        <SnapshotConsentDialog
          title={`Take a snapshot of ${databaseNameOf(profile)}?`}
          confirmLabel="Take the snapshot"
          profile={profile}
          onCancel={() => setAsking(undefined)}
          onConfirm={(consent) => {
            setAsking(undefined);
            void create(name, consent).then(() => setName(''));
          }}
        >
          {engineDescriptions[profile.engine].copyEndsSessions && (
            <p>{engineDescriptions[profile.engine].label} copies a database only while nobody is connected to it: every session on it is ended first.</p>
          )}
        </SnapshotConsentDialog>
      )}
      {asking?.action === 'keepPristine' && (
        <SnapshotConsentDialog
          title={`Keep ${databaseNameOf(profile)} as it is now as the pristine demo?`}
          confirmLabel="Keep as pristine demo"
          profile={profile}
          onCancel={() => setAsking(undefined)}
          onConfirm={(consent) => {
            setAsking(undefined);
            void create(demoSnapshotName, consent);
          }}
        >
          <p>
            A snapshot named “{demoSnapshotName}” is taken, and a <strong>Reset demo</strong> button at the top of this tab restores it for the next client,
            after asking like every restore.
          </p>
          {engineDescriptions[profile.engine].copyEndsSessions && (
            <p>{engineDescriptions[profile.engine].label} copies a database only while nobody is connected to it: every session on it is ended first.</p>
          )}
        </SnapshotConsentDialog>
      )}
      {asking?.action === 'restore' && <RestoreDialog snapshot={asking.snapshot} profile={profile} onClose={() => setAsking(undefined)} />}
      {asking?.action === 'delete' && (
        <ConfirmDialog
          title={`Delete “${asking.snapshot.name}”?`}
          confirmLabel="Delete"
          danger
          confirmDisabled={production && typedName !== profile.name}
          onCancel={() => setAsking(undefined)}
          onConfirm={() => {
            setAsking(undefined);
            void remove(asking.snapshot, production ? typedName : undefined);
          }}
        >
          <p>The snapshot is removed for good.</p>
          {asking.snapshot.name === demoSnapshotName && (
            <p>
              <strong>The Reset demo button goes with it:</strong> it restores this snapshot. To have it again, bring the database to the state you want and
              choose Keep as pristine demo.
            </p>
          )}
          {production && <ProductionNameField name={profile.name} value={typedName} onChange={setTypedName} />}
        </ConfirmDialog>
      )}
    </section>
  );
}
