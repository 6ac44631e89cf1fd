// The dialog of one repair: its fields, then the preview, then Write — which writes exactly the
// preview shown (WriteDialog).
import type { AuthoringAction } from '../../../src-shared/model/authoring';
import { RepairPreview } from './RepairPreview';
import { RepairRequestForm, type RepairChoices } from './RepairRequestForm';
import { useRepair } from './repairStore';
import { WriteDialog } from './WriteDialog';

export const repairTitles: Record<AuthoringAction, string> = {
  new: 'New revision',
  merge: 'Merge heads',
  reparent: 'Re-parent',
};

export function RepairDialog({ action, choices }: { action: AuthoringAction; choices: RepairChoices }) {
  const repair = useRepair();
  return (
    <WriteDialog
      titleId="repair-title"
      title={repairTitles[action]}
      store={repair}
      drafting="Drafting the change…"
      writable={() => true}
      form={(onEdit) => (
        <RepairRequestForm
          action={action}
          choices={choices}
          busy={repair.previewing || repair.writing}
          onPreview={(request) => void repair.showPreview(request)}
          onEdit={onEdit}
        />
      )}
      shown={(preview) => <RepairPreview preview={preview} />}
    />
  );
}
