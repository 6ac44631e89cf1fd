// Upgrade to here, downgrade to here, stamp here: each opens the runner's plan-and-confirm dialog.
import type { RunAction } from '../../../src-shared/model/run';
import { useRunDialog } from '../runner/runDialogStore';

export const revisionActions: Array<{ action: RunAction; label: string }> = [
  { action: 'upgrade', label: 'Upgrade to here' },
  { action: 'downgrade', label: 'Downgrade to here' },
  { action: 'stamp', label: 'Stamp here' },
];

export function runFromGraph(profileId: string, action: RunAction, revision: string): void {
  useRunDialog.getState().open(profileId, { action, to: revision });
}

export function RevisionActions({ profileId, revision }: { profileId: string; revision: string }) {
  return (
    <div className="actions graph-actions">
      {revisionActions.map(({ action, label }) => (
        <button
          key={action}
          type="button"
          className={action === 'upgrade' ? 'primary small' : 'small'}
          onClick={() => runFromGraph(profileId, action, revision)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
