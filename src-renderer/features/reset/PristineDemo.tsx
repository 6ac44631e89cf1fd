// "Reset demo" at the head of the Reset tab: one click back to the connection's pristine demo snapshot,
// whatever the engine or environment. A connection whose pristine snapshot was deleted (or a demo
// connection without one) says so here, instead of losing the button without a word, and offers to rebuild it.
import { demoSnapshotName, type Snapshot } from '../../../src-shared/model/reset';
import type { PristineDeletion } from './snapshotsStore';
import { formatMoment } from '../../../src-shared/format/moment';

interface PristineDemoProps {
  pristine: Snapshot | undefined;
  /** When the audit log says the pristine snapshot was deleted: by whom, when. */
  deleted: PristineDeletion | undefined;
  /** A demo connection is expected to have one: its absence is worth explaining even with no deletion on record. */
  isDemo: boolean;
  busy: boolean;
  onReset(): void;
  onRebuild(): void;
}

export function PristineDemo({ pristine, deleted, isDemo, busy, onReset, onRebuild }: PristineDemoProps) {
  if (pristine) {
    return (
      <div className="head-actions">
        <button type="button" className="primary" disabled={busy} onClick={onReset}>
          Reset demo
        </button>
      </div>
    );
  }
  if (!deleted && !isDemo) return null;
  const why = deleted ? `that snapshot was deleted ${formatMoment(deleted.at)} by ${deleted.actor}.` : 'this database has none.';
  return (
    <div className="pristine-missing" role="note" aria-label="Reset demo">
      <p>
        <strong>No Reset demo:</strong> it restores the snapshot “{demoSnapshotName}”, and {why} To have {deleted ? 'it back' : 'one'}, reset the database to
        its heads with the demo data as the seed, then choose <em>Keep as pristine demo</em> under Snapshots.
      </p>
      <button type="button" disabled={busy} onClick={onRebuild}>
        Rebuild the pristine demo
      </button>
    </div>
  );
}
