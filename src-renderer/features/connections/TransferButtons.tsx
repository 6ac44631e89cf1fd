// Under the connection list's heading: Import… and Export…, each opening its dialog.
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';
import { useConnections } from './connectionsStore';
import { useExport } from './exportStore';
import { useImport } from './importStore';

export function TransferButtons() {
  const importing = useImport((s) => s.open);
  const exporting = useExport((s) => s.open);
  const anyProfile = useConnections((s) => s.profiles.length > 0);
  return (
    <div className="transfer-buttons">
      <button type="button" className="small" onClick={useImport.getState().show}>
        Import…
      </button>
      <button
        type="button"
        className="small"
        disabled={!anyProfile}
        title={anyProfile ? undefined : 'No connection to export yet'}
        onClick={useExport.getState().show}
      >
        Export…
      </button>
      {importing && <ImportDialog />}
      {exporting && <ExportDialog />}
    </div>
  );
}
