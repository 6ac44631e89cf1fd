// The connection's snapshots: take one, restore one (after a confirmation), delete one.
import { useState } from 'react';
import type { Snapshot } from '../../../src-shared/model/reset';
import { formatBytes } from '../../../src-shared/model/inventoryExport';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useSnapshots } from './snapshotsStore';

export function SnapshotList({ production }: { production: boolean }) {
  const { snapshots, busy, create, restore, remove } = useSnapshots();
  const [name, setName] = useState('');
  const [asking, setAsking] = useState<{ snapshot: Snapshot; action: 'restore' | 'delete' } | undefined>();
  return (
    <section aria-labelledby="snapshots-title" className="reset-snapshots">
      <h2 id="snapshots-title">Snapshots</h2>
      <form
        className="reset-snapshot-form"
        onSubmit={(e) => {
          e.preventDefault();
          void create(name).then(() => setName(''));
        }}
      >
        <label>
          Snapshot name
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="before the demo" />
        </label>
        <button type="submit" disabled={busy !== undefined}>
          Take a snapshot
        </button>
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
                <td>{s.name}</td>
                <td className="numeric">{formatBytes(s.sizeBytes)}</td>
                <td>{new Date(s.createdAt).toLocaleString()}</td>
                <td>{s.heads.join(', ') || '—'}</td>
                <td className="reset-row-actions">
                  <button type="button" disabled={busy !== undefined} onClick={() => setAsking({ snapshot: s, action: 'restore' })}>
                    Restore
                  </button>
                  <button type="button" disabled={busy !== undefined} onClick={() => setAsking({ snapshot: s, action: 'delete' })}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {asking && (
        <ConfirmDialog
          title={asking.action === 'restore' ? `Restore “${asking.snapshot.name}”?` : `Delete “${asking.snapshot.name}”?`}
          confirmLabel={asking.action === 'restore' ? 'Restore' : 'Delete'}
          danger
          onCancel={() => setAsking(undefined)}
          onConfirm={() => {
            const { snapshot, action } = asking;
            setAsking(undefined);
            void (action === 'restore' ? restore(snapshot, production) : remove(snapshot));
          }}
        >
          {asking.action === 'restore'
            ? 'The database is replaced by the snapshot: its sessions are ended and everything written since the snapshot is lost.'
            : 'The snapshot is removed for good.'}
        </ConfirmDialog>
      )}
    </section>
  );
}
