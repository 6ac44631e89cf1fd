// Removing a local server deletes its data, its connection and its snapshots, so its name is typed
// (the service checks the same name).
import { useState } from 'react';
import type { LocalServer } from '../../../src-shared/model/localServer';
import { formatBytes } from '../../../src-shared/model/inventoryExport';
import { ConfirmDialog } from '../../components/ConfirmDialog';

export function RemoveLocalServerDialog({ server, onCancel, onRemove }: { server: LocalServer; onCancel(): void; onRemove(typedName: string): void }) {
  const [typedName, setTypedName] = useState('');
  return (
    <ConfirmDialog
      title={`Remove the local server “${server.name}”?`}
      confirmLabel="Remove server and delete its data"
      danger
      confirmDisabled={typedName !== server.name}
      onCancel={onCancel}
      onConfirm={() => onRemove(typedName)}
    >
      <p>
        The server is stopped, its data ({formatBytes(server.dataBytes) || '0 B'} in {server.folder}) is deleted, and its connection and snapshots are removed.
        This cannot be undone.
      </p>
      <label className="prod-confirm">
        <span>Type its name ({server.name}) to remove it:</span>
        <input
          value={typedName}
          onChange={(e) => setTypedName(e.target.value)}
          aria-label="Type the local server's name to confirm"
          autoComplete="off"
          spellCheck={false}
        />
      </label>
    </ConfirmDialog>
  );
}
