// A squash's preview, before anything is written: what becomes what, the proof (the squashed project
// and the original replayed up and down, compared), the heads and roots before → after, where each
// bound connection stands and the stamps it will need, git's standing, and the files as a diff.
import { countOf } from '../../../src-shared/format/plural';
import { proofLines, type SquashPreview } from '../../../src-shared/model/squash';
import { GraphChangeList } from './GraphChangeList';
import { squashStamps } from './squashChoices';
import { StampOffers } from './StampOffers';
import { UncommittedNotice } from './UncommittedNotice';
import { WriteDiff } from './WriteDiff';

export function SquashPlanPreview({ preview }: { preview: SquashPreview }) {
  const { revision: r, run, proof } = preview;
  const first = run.revisions[0];
  const last = run.revisions[run.revisions.length - 1];
  return (
    <section className="repair-preview" aria-label="Preview">
      <p>
        {countOf(run.revisions.length, 'revision')} (<code>{first}</code>..<code>{last}</code>) become <code>{r.id}</code> in <code>{r.file}</code>, parent{' '}
        <code>{r.parent ?? 'none (a root)'}</code>: {countOf(r.up.statements.length, 'statement')} up and {countOf(r.down.statements.length, 'statement')} down,
        in {preview.engine} SQL. Their files move to <code>archive/{r.id}/</code>
        {run.children.length > 0 && (
          <>
            , and <code>{run.children.join(', ')}</code> {run.children.length === 1 ? 'takes' : 'take'} <code>{r.id}</code> as parent
          </>
        )}
        .
      </p>
      <section aria-label="Proof">
        <p role="status">
          {proof.proven
            ? `Proven: the squashed project replays to the original's schema, up to every head and down to ${r.parent ?? 'base'} (replayed in ${proof.replayedIn}). The proof is saved as ${preview.proofFile}.`
            : `Not proven: the squashed project does not replay to the original's schema (replayed in ${proof.replayedIn}), so it cannot be written.`}
        </p>
        <ul className="repair-notes" aria-label="Proof checks">
          {proofLines(proof).map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </section>
      <GraphChangeList graph={preview.graph} />
      {preview.standings.length === 0 ? (
        <p className="small">No connection is bound to this project.</p>
      ) : (
        <>
          <ul className="repair-notes" aria-label="Connections bound to the project, against the run">
            {preview.standings.map((s) => (
              <li key={s.profileId}>
                <strong>{s.connection}</strong> ({s.environment}): {s.standing}
                {s.appliedAfter.length > 0 && `, and ${s.appliedAfter.join(', ')} after it (which implies ${r.id}: no stamp needed)`}
              </li>
            ))}
          </ul>
          <StampOffers stamps={squashStamps(preview)} offer={false} />
        </>
      )}
      <UncommittedNotice git={preview.git} touched={preview.uncommittedTouched} />
      <WriteDiff diff={preview.diff} />
    </section>
  );
}
