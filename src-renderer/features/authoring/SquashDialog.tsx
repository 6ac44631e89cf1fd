// The Squash dialog: the run (FIRST..the selected revision) and the squashed revision's message, then
// the preview with its proof, then Write — which writes exactly the preview shown, and only when proven.
// Escape or Cancel closes it; the focus goes back to what opened it.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Revision } from '../../../src-shared/model/revision';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFocusReturn } from '../../components/useFocusReturn';
import { runStarts } from './squashChoices';
import { SquashPlanPreview } from './SquashPlanPreview';
import { useSquash } from './squashStore';
import { WriteActions } from './WriteActions';

interface Props {
  project: string;
  last: string;
  revisions: readonly Pick<Revision, 'id' | 'parents'>[];
}

export function SquashDialog({ project, last, revisions }: Props) {
  const squash = useSquash();
  const dialog = useRef<HTMLDialogElement>(null);
  const starts = runStarts(revisions, last);
  const [first, setFirst] = useState(starts[1] ?? last);
  const [message, setMessage] = useState('');
  const [force, setForce] = useState(false);
  useFocusReturn();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const { preview } = squash;
  const needsForce = (preview?.uncommittedTouched.length ?? 0) > 0;
  const edited =
    <T,>(apply: (value: T) => void) =>
    (value: T) => {
      apply(value);
      squash.forgetPreview();
      setForce(false);
    };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void squash.showPreview({ project, first, last, message });
  };
  const busy = squash.previewing || squash.writing;

  return (
    <dialog ref={dialog} className="run-dialog" aria-labelledby="squash-title" onCancel={squash.close}>
      <h2 id="squash-title">Squash</h2>
      <div className="run-plan">
        <form className="repair-form" onSubmit={submit} aria-label="What to write">
          <p>
            The revisions from the first chosen to <code>{last}</code> become one revision: its SQL the net schema change of replaying them, proved before
            anything is written.
          </p>
          <label>
            First revision of the run
            <select value={first} onChange={(e) => edited(setFirst)(e.target.value)}>
              {starts.map((id, i) => (
                <option key={id} value={id}>
                  {id} ({i === 0 ? 'only itself' : `${i + 1} revisions`})
                </option>
              ))}
            </select>
          </label>
          <label>
            Message
            <input value={message} required maxLength={500} onChange={(e) => edited(setMessage)(e.target.value)} />
          </label>
          <div className="actions">
            <button type="submit" disabled={busy}>
              Show the change
            </button>
          </div>
        </form>
        {squash.previewing && (
          <p className="muted" role="status">
            Replaying the project and the squashed project in scratch databases to prove the squash…
          </p>
        )}
        {squash.error && <ErrorMessage lead="Nothing was written" error={squash.error} />}
        {preview && <SquashPlanPreview preview={preview} />}
      </div>
      <WriteActions
        needsForce={needsForce}
        force={force}
        onForce={setForce}
        canWrite={Boolean(preview?.proof.proven)}
        writing={squash.writing}
        onCancel={squash.close}
        onWrite={() => void squash.write(force)}
      />
    </dialog>
  );
}
