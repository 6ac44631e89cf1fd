// The Squash dialog: the run (FIRST..the selected revision) and the squashed revision's message, then
// the preview with its proof, then Write — which writes exactly the preview shown, and only when proven
// (WriteDialog).
import { useState } from 'react';
import type { Revision } from '../../../src-shared/model/revision';
import { editedBy, RequestForm } from './RequestForm';
import { runStarts } from './squashChoices';
import { SquashPlanPreview } from './SquashPlanPreview';
import { useSquash } from './squashStore';
import { WriteDialog } from './WriteDialog';

interface Props {
  project: string;
  last: string;
  revisions: readonly Pick<Revision, 'id' | 'parents'>[];
}

export function SquashDialog({ project, last, revisions }: Props) {
  const squash = useSquash();
  const starts = runStarts(revisions, last);
  const [first, setFirst] = useState(starts[1] ?? last);
  const [message, setMessage] = useState('');

  return (
    <WriteDialog
      titleId="squash-title"
      title="Squash"
      store={squash}
      drafting="Replaying the project and the squashed project in scratch databases to prove the squash…"
      writable={(preview) => preview.proof.proven}
      form={(onEdit) => {
        const edited = editedBy(onEdit);
        return (
          <RequestForm busy={squash.previewing || squash.writing} onSubmit={() => void squash.showPreview({ project, first, last, message })}>
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
          </RequestForm>
        );
      }}
      shown={(preview) => <SquashPlanPreview preview={preview} />}
    />
  );
}
