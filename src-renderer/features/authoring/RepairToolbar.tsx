// The Graph tab's Repair buttons: each opens its dialog, which shows the change before writing it.
import type { AuthoringAction } from '../../../src-shared/model/authoring';
import { repairTitles } from './RepairDialog';

interface Props {
  selected: string | undefined;
  headCount: number;
  onOpen(action: AuthoringAction): void;
}

export function RepairToolbar({ selected, headCount, onOpen }: Props) {
  const why: Record<AuthoringAction, string | undefined> = {
    new: undefined,
    merge: headCount < 2 ? 'The project has one head: nothing to merge.' : undefined,
    reparent: selected ? undefined : 'Select the revision to re-parent first.',
  };
  return (
    <div className="graph-toolbar repair-toolbar" role="group" aria-label="Repair">
      <span className="muted small">Repair:</span>
      {(Object.keys(repairTitles) as AuthoringAction[]).map((action) => (
        <button key={action} type="button" className="small" disabled={why[action] !== undefined} title={why[action]} onClick={() => onOpen(action)}>
          {repairTitles[action]}…
        </button>
      ))}
    </div>
  );
}
