// The frame of a Graph tab dialog that writes into the project (Repair, Squash): its fields, then the
// preview, then Write — which writes exactly the preview shown. A changed field forgets the preview and
// the "write anyway" tick. Escape or Cancel closes it; the focus goes back to what opened it.
import { useState, type ReactNode } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useModalDialog } from '../../components/useModalDialog';
import type { PreviewedWrite } from './previewedWrite';
import { WriteActions } from './WriteActions';

interface Props<Preview> {
  titleId: string;
  title: string;
  store: Omit<PreviewedWrite<never, Preview>, 'showPreview'> & { write(force: boolean): Promise<void>; close(): void };
  /** Said while the preview is being made. */
  drafting: string;
  /** The preview may be written (a squash's only once proven). */
  writable(preview: Preview): boolean;
  /** The fields; `onEdit` when one changed. */
  form(onEdit: () => void): ReactNode;
  shown(preview: Preview): ReactNode;
}

export function WriteDialog<Preview extends { uncommittedTouched: readonly string[] }>({
  titleId,
  title,
  store,
  drafting,
  writable,
  form,
  shown,
}: Props<Preview>) {
  const dialog = useModalDialog();
  const [force, setForce] = useState(false);
  const { preview } = store;
  const needsForce = (preview?.uncommittedTouched.length ?? 0) > 0;
  const onEdit = () => {
    store.forgetPreview();
    setForce(false);
  };

  return (
    <dialog ref={dialog} className="run-dialog" aria-labelledby={titleId} onCancel={store.close}>
      <h2 id={titleId}>{title}</h2>
      <div className="run-plan">
        {form(onEdit)}
        {store.previewing && (
          <p className="muted" role="status">
            {drafting}
          </p>
        )}
        {store.error && <ErrorMessage lead="Nothing was written" error={store.error} />}
        {preview && shown(preview)}
      </div>
      <WriteActions
        needsForce={needsForce}
        force={force}
        onForce={setForce}
        canWrite={preview !== undefined && writable(preview)}
        writing={store.writing}
        onCancel={store.close}
        onWrite={() => void store.write(force)}
      />
    </dialog>
  );
}
