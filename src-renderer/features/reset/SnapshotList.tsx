// The connection's snapshots: take one, restore one (after a confirmation), delete one.
import { useState } from 'react';
import type { Snapshot } from '../../../src-shared/model/reset';
import { formatBytes } from '../../../src-shared/model/inventoryExport';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useSnapshots } from './snapshotsStore';

type Question = { action: 'restore' | 'delete'; snapshot: Snapshot } | { action: 'create' };

const questions = {
  create: { title: () => 'End the sessions and take a snapshot?', label: 'Take the snapshot', text: 'PostgreSQL copies a database only while nobody is connected to it: every session on it is ended first.' },
  restore: { title: (s?: Snapshot) => `Restore “${s?.name}”?`, label: 'Restore', text: 'The database is replaced by the snapshot: its sessions are ended and everything written since the snapshot is lost.' },
  delete: { title: (s?: Snapshot) => `Delete “${s?.name}”?`, label: 'Delete', text: 'The snapshot is removed for good.' },
};

/** `postgres`: taking a snapshot ends the database's sessions, so it asks first. */
export function SnapshotList({ production, postgres }: { production: boolean; postgres: boolean }) {
  const { snapshots, busy, create, restore, remove } = useSnapshots();
  const [name, setName] = useState('');
  const [asking, setAsking] = useState<Question | undefined>();
  const take = () => void create(name).then(() => setName(''));
  return (
    <section aria-labelledby="snapshots-title" className="reset-snapshots">
      <h2 id="snapshots-title">Snapshots</h2>
      <form
        className="reset-snapshot-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (postgres) setAsking({ action: 'create' });
          else take();
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
          title={questions[asking.action].title(asking.action === 'create' ? undefined : asking.snapshot)}
          confirmLabel={questions[asking.action].label}
          danger={asking.action !== 'create'}
          onCancel={() => setAsking(undefined)}
          onConfirm={() => {
            setAsking(undefined);
            if (asking.action === 'create') take();
            else void (asking.action === 'restore' ? restore(asking.snapshot, production) : remove(asking.snapshot));
          }}
        >
          {questions[asking.action].text}
        </ConfirmDialog>
      )}
    </section>
  );
}
