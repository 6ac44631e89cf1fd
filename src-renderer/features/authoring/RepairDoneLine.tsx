// After a write: what was written, the stamps the connections need (a re-parent's, a squash's), and Undo
// until the next write; after an undo, what was put back.
import { ErrorMessage } from '../../components/ErrorMessage';
import type { WriteResult } from '../../../src-shared/model/writePlan';
import { StampOffers } from './StampOffers';
import { useRepair } from './repairStore';

const files = (result: WriteResult) => result.written.map((file) => `${file.path} (${file.action})`).join(', ');

export function RepairDoneLine() {
  const { done, undone, undoing, undoError, undo } = useRepair();
  if (!done && !undone) return null;
  return (
    <div className="repair-done" role="status">
      {done ? (
        <>
          <p>
            Wrote {files(done.result)}. Heads now: <code>{done.headsAfter.join(', ')}</code>.{' '}
            <button type="button" className="small" disabled={undoing} onClick={() => void undo()}>
              Undo
            </button>
          </p>
          {done.stamps && done.stamps.needs.length > 0 && <StampOffers stamps={done.stamps} offer />}
          {undoError && <ErrorMessage lead="Nothing was undone" error={undoError} />}
        </>
      ) : (
        undone && <p>Undone: put back {files(undone)}.</p>
      )}
    </div>
  );
}
