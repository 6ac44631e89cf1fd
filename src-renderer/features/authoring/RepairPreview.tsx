// A repair's preview, before anything is written: the diff, the graph's heads and roots before and
// after, git's uncommitted files, what else to know, and the stamps connections will need.
import type { AuthoringPreview } from '../../../src-shared/model/authoring';
import { GraphChangeList } from './GraphChangeList';
import { StampOffers } from './StampOffers';
import { UncommittedNotice } from './UncommittedNotice';
import { WriteDiff } from './WriteDiff';

export function RepairPreview({ preview }: { preview: AuthoringPreview }) {
  return (
    <section className="repair-preview" aria-label="Preview">
      <WriteDiff diff={preview.diff} />
      <GraphChangeList graph={preview.graph} />
      <UncommittedNotice git={preview.git} touched={preview.uncommittedTouched} />
      {preview.notes.length > 0 && (
        <ul className="repair-notes" aria-label="Notes">
          {preview.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {preview.stamps && <StampOffers stamps={preview.stamps} offer={false} />}
    </section>
  );
}
