// The dialog of one repair: its fields, then the preview, then Write — which writes exactly the
// preview shown. Escape or Cancel closes it; the focus goes back to the button that opened it.
import { useEffect, useRef, useState } from 'react';
import type { AuthoringAction } from '../../../src-shared/model/authoring';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFocusReturn } from '../../components/useFocusReturn';
import { RepairPreview } from './RepairPreview';
import { RepairRequestForm, type RepairChoices } from './RepairRequestForm';
import { useRepair } from './repairStore';
import { WriteActions } from './WriteActions';

export const repairTitles: Record<AuthoringAction, string> = {
  new: 'New revision',
  merge: 'Merge heads',
  reparent: 'Re-parent',
};

export function RepairDialog({ action, choices }: { action: AuthoringAction; choices: RepairChoices }) {
  const repair = useRepair();
  const dialog = useRef<HTMLDialogElement>(null);
  const [force, setForce] = useState(false);
  useFocusReturn();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const { preview } = repair;
  const needsForce = (preview?.uncommittedTouched.length ?? 0) > 0;

  return (
    <dialog ref={dialog} className="run-dialog" aria-labelledby="repair-title" onCancel={repair.close}>
      <h2 id="repair-title">{repairTitles[action]}</h2>
      <div className="run-plan">
        <RepairRequestForm
          action={action}
          choices={choices}
          busy={repair.previewing || repair.writing}
          onPreview={(request) => void repair.showPreview(request)}
          onEdit={() => {
            repair.forgetPreview();
            setForce(false);
          }}
        />
        {repair.previewing && (
          <p className="muted" role="status">
            Drafting the change…
          </p>
        )}
        {repair.error && <ErrorMessage lead="Nothing was written" error={repair.error} />}
        {preview && <RepairPreview preview={preview} />}
      </div>
      <WriteActions
        needsForce={needsForce}
        force={force}
        onForce={setForce}
        canWrite={Boolean(preview)}
        writing={repair.writing}
        onCancel={repair.close}
        onWrite={() => void repair.write(force)}
      />
    </dialog>
  );
}
