// A repair's preview, before anything is written: the diff, the graph's heads and roots before and
// after, git's uncommitted files, what else to know, and the stamps connections will need.
import type { AuthoringPreview } from '../../../src-shared/model/authoring';
import { GraphChangeList } from './GraphChangeList';
import { StampOffers } from './StampOffers';
import { WriteDiff } from './WriteDiff';

export function RepairPreview({ preview }: { preview: AuthoringPreview }) {
  const { git } = preview;
  return (
    <section className="repair-preview" aria-label="Preview">
      <WriteDiff diff={preview.diff} />
      <GraphChangeList graph={preview.graph} />
      {preview.uncommittedTouched.length > 0 && (
        <div className="notice" role="note">
          These files hold uncommitted git changes and the write would overwrite them:{' '}
          {preview.uncommittedTouched.map((file, i) => (
            <span key={file}>
              {i > 0 && ', '}
              <code>{file}</code>
            </span>
          ))}
          .
        </div>
      )}
      {git.workTree && git.uncommitted.length > 0 && preview.uncommittedTouched.length === 0 && (
        <p className="muted small">Uncommitted in git (not touched by this write): {git.uncommitted.join(', ')}. Switchyard never commits.</p>
      )}
      {git.reason && <p className="muted small">Git was not asked: {git.reason}</p>}
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
