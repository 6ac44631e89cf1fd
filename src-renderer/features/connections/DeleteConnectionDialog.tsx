// Deleting a connection: when it is the last one that reaches its database's snapshots, the user says
// what becomes of them (keep or delete), so no copy of the data is left where the app cannot list it.
import { useEffect, useState } from 'react';
import type { Profile } from '../../../src-shared/model/profile';
import { formatBytes } from '../../../src-shared/model/inventoryExport';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ProductionNameField } from '../../components/ProductionNameField';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useDeletion } from './deletionStore';
import { formatMoment } from '../../../src-shared/format/moment';

export type SnapshotsChoice = 'keep' | 'delete';

export function DeleteConnectionDialog({
  profile,
  onCancel,
  onDelete,
}: {
  profile: Profile;
  onCancel(): void;
  onDelete(snapshots: SnapshotsChoice | undefined, typedName?: string): void;
}) {
  const { profileId, exclusive: found, failure: failed, check } = useDeletion();
  const [typedName, setTypedName] = useState('');
  // Deleting a production database's copies needs its name typed (the service checks it too).
  const production = profile.environment === 'prod';
  useEffect(() => {
    void check(profile.id);
  }, [profile.id, check]);
  // Until the store has looked for this connection, what it holds is about another one.
  const exclusive = profileId === profile.id ? found : undefined;
  const failure = profileId === profile.id ? failed : undefined;
  const orphans = exclusive ?? [];
  const title = `Delete “${profile.name}”?`;
  const body = <p>The profile and its stored password are removed from this machine. The database itself is not touched.</p>;
  if (orphans.length === 0) {
    return (
      <ConfirmDialog
        title={title}
        confirmLabel="Delete connection"
        danger
        confirmDisabled={exclusive === undefined && failure === undefined}
        onCancel={onCancel}
        onConfirm={() => onDelete(undefined)}
      >
        {body}
        {exclusive === undefined && failure === undefined && <p className="muted">Looking for snapshots only this connection reaches…</p>}
        {failure && <ErrorMessage lead="Could not look for its snapshots" error={failure} />}
      </ConfirmDialog>
    );
  }
  const bytes = orphans.reduce((sum, s) => sum + s.sizeBytes, 0);
  return (
    <ConfirmDialog
      title={title}
      confirmLabel="Delete connection, keep snapshots"
      alternative={{
        label: `Delete connection and ${orphans.length} snapshot${orphans.length === 1 ? '' : 's'}`,
        disabled: production && typedName !== profile.name,
        onChoose: () => onDelete('delete', production ? typedName : undefined),
      }}
      onCancel={onCancel}
      onConfirm={() => onDelete('keep')}
    >
      {body}
      <p>
        No other connection reaches {orphans.length === 1 ? 'this snapshot' : `these ${orphans.length} snapshots`} of its database (
        {formatBytes(bytes) || '0 B'}). Keep {orphans.length === 1 ? 'it' : 'them'} (a connection to the same database lists{' '}
        {orphans.length === 1 ? 'it' : 'them'} again) or delete {orphans.length === 1 ? 'it' : 'them'} with the connection:
      </p>
      <ul aria-label="Snapshots only this connection reaches">
        {orphans.map((s) => (
          <li key={s.id}>
            {s.name} — {formatMoment(s.createdAt)}, {formatBytes(s.sizeBytes) || '0 B'}
          </li>
        ))}
      </ul>
      {production && <ProductionNameField name={profile.name} value={typedName} onChange={setTypedName} purpose="to delete its snapshots" />}
    </ConfirmDialog>
  );
}
