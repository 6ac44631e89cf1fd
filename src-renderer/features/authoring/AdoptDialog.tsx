// Adopt: the objects the revision makes, what the open connection's database holds of each, and —
// only when they are all the same — a stamp offered through the run dialog instead of running it.
import { allDifferences } from '../../../src-shared/schema/schemaDiff';
import { adoptionNoteLines } from '../../../src-shared/model/revisionAdoption';
import { differenceObject, differenceText } from '../../../src-shared/schema/schemaComparisonText';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useModalDialog } from '../../components/useModalDialog';
import { useRunDialog } from '../runner/runDialogStore';
import { useAdoption } from './adoptionStore';

export function AdoptDialog({ profileId, revision }: { profileId: string; revision: string }) {
  const { checking, adoption, error, close } = useAdoption();
  const dialog = useModalDialog();
  const differences = adoption ? allDifferences(adoption.differences) : [];
  const stamp = () => {
    close();
    useRunDialog.getState().open(profileId, { action: 'stamp', to: revision });
  };

  return (
    <dialog ref={dialog} className="run-dialog" aria-labelledby="adopt-title" onCancel={close}>
      <h2 id="adopt-title">Adopt {revision}</h2>
      {/* Focusable: a long comparison scrolls, and the keyboard must be able to scroll it too. */}
      <div className="run-plan" tabIndex={0}>
        {checking && (
          <p className="muted" role="status">
            Replaying the project without and with {revision} in scratch databases, then reading the database…
          </p>
        )}
        {error && <ErrorMessage lead="Nothing was compared" error={error} />}
        {adoption && (
          <section aria-label="Evidence">
            <p>
              {adoption.compared.length} {adoption.compared.length === 1 ? 'object' : 'objects'} compared on {adoption.connection} (replayed in{' '}
              {adoption.replayedIn}).
            </p>
            <ul className="repair-notes">
              {adoption.compared.map((c) => (
                <li key={c.key}>
                  <span aria-hidden="true">{c.onDatabase === 'same' ? '= ' : '≠ '}</span>
                  <code>{differenceObject(c)}</code> — {revision} {c.change} it; the database: <strong>{c.onDatabase}</strong>
                </li>
              ))}
            </ul>
            {differences.length > 0 && (
              <ul className="repair-notes" aria-label="Differences">
                {differences.map((d) => (
                  <li key={d.key}>
                    <code>{differenceObject(d)}</code>: {differenceText(d, { from: 'the database', to: revision })}
                  </li>
                ))}
              </ul>
            )}
            {adoption.unread.map((u) => (
              <p key={u} className="muted small">
                Not compared: {u}
              </p>
            ))}
            {adoptionNoteLines(adoption).map((line) => (
              <p key={line} className="muted small">
                {line}
              </p>
            ))}
            <p role="status">
              {adoption.adoptable
                ? `${adoption.connection} holds what ${revision} makes: it can be stamped (recorded as applied) instead of run.`
                : `${adoption.connection} does not hold what ${revision} makes: it cannot be adopted.`}
            </p>
          </section>
        )}
      </div>
      <div className="actions">
        <button type="button" onClick={close}>
          {adoption?.adoptable ? 'Cancel' : 'Close'}
        </button>
        {adoption?.adoptable && (
          <button type="button" className="primary" onClick={stamp}>
            Stamp {revision}…
          </button>
        )}
      </div>
    </dialog>
  );
}
