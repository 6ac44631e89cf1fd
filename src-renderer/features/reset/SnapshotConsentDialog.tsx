// Before a snapshot is taken or restored: whom it disconnects (asked of the server when the dialog
// opens, never guessed) and, on production, the connection's name typed — what the service insists on.
import { useEffect, useState, type ReactNode } from 'react';
import { databaseNameOf } from '../../../src-shared/model/engineDescription';
import type { Profile } from '../../../src-shared/model/profile';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ProductionNameField } from '../../components/ProductionNameField';
import { SessionTable } from '../../components/SessionTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useDatabaseSessions } from './databaseSessionsStore';
import type { SnapshotConsent } from './snapshotsStore';

interface SnapshotConsentDialogProps {
  title: string;
  confirmLabel: string;
  profile: Profile;
  children: ReactNode;
  onCancel(): void;
  onConfirm(consent: SnapshotConsent): void;
}

export function SnapshotConsentDialog({ title, confirmLabel, profile, children, onCancel, onConfirm }: SnapshotConsentDialogProps) {
  const { sessions, failure } = useDatabaseSessions();
  useEffect(() => {
    void useDatabaseSessions.getState().load(profile.id);
    return useDatabaseSessions.getState().clear;
  }, [profile.id]);
  const [typedName, setTypedName] = useState('');
  const production = profile.environment === 'prod';
  const database = databaseNameOf(profile);
  const listed = sessions !== undefined || failure !== undefined;
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={confirmLabel}
      danger
      confirmDisabled={!listed || (production && typedName !== profile.name)}
      onCancel={onCancel}
      onConfirm={() => onConfirm({ endSessions: (sessions?.length ?? 0) > 0, ...(production ? { typedName } : {}) })}
    >
      {children}
      {!listed && <p className="muted">Asking the server who is connected to {database}…</p>}
      {failure && (
        <ErrorMessage lead={`Could not list the sessions on ${database}`} error={failure}>
          <p>If any are connected, the server refuses and nothing changes.</p>
        </ErrorMessage>
      )}
      {sessions?.length === 0 && <p>Nobody else is connected to {database}.</p>}
      {sessions !== undefined && sessions.length > 0 && (
        <>
          <p>
            These {sessions.length} session{sessions.length === 1 ? '' : 's'} on {database} will be ended:
          </p>
          <SessionTable sessions={sessions} label="Sessions to end" />
        </>
      )}
      {production && <ProductionNameField name={profile.name} value={typedName} onChange={setTypedName} />}
    </ConfirmDialog>
  );
}
