// Every restore in the app asks here first: which snapshot, over which database, what is lost, and
// whom it disconnects.
import { databaseNameOf } from '../../../src-shared/model/engineDescription';
import type { Profile } from '../../../src-shared/model/profile';
import type { Snapshot } from '../../../src-shared/model/reset';
import { SnapshotConsentDialog } from './SnapshotConsentDialog';
import { useSnapshots } from './snapshotsStore';
import { formatMoment } from '../../../src-shared/format/moment';

export function RestoreDialog({ snapshot, profile, onClose }: { snapshot: Snapshot; profile: Profile; onClose(): void }) {
  const restore = useSnapshots((s) => s.restore);
  const database = databaseNameOf(profile);
  return (
    <SnapshotConsentDialog
      title={`Restore “${snapshot.name}” over ${database}?`}
      confirmLabel="Restore"
      profile={profile}
      onCancel={onClose}
      onConfirm={(consent) => {
        onClose();
        // The dialog says it is production and has its name typed; the restore acknowledges the environment with it.
        void restore(snapshot, { ...consent, ...(profile.environment === 'prod' ? { environmentAcknowledged: 'production' } : {}) });
      }}
    >
      <p>
        The database <strong>{database}</strong> of {profile.name} is replaced by the snapshot “{snapshot.name}”, taken {formatMoment(snapshot.createdAt)}
        {snapshot.heads.length > 0 ? ` at ${snapshot.heads.join(', ')}` : ''}. Everything written to it since then is lost.
      </p>
    </SnapshotConsentDialog>
  );
}
