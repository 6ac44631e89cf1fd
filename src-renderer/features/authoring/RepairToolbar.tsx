// The Graph tab's Repair buttons: each opens its dialog, which shows the change (or, for Adopt, the
// evidence) before anything is written or stamped.
import type { AuthoringAction } from '../../../src-shared/model/authoring';
import { repairTitles } from './RepairDialog';

interface Props {
  selected: string | undefined;
  headCount: number;
  onOpen(action: AuthoringAction): void;
  /** Adopt the selected revision on the open connection. */
  onAdopt(): void;
}

export function RepairToolbar({ selected, headCount, onOpen, onAdopt }: Props) {
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
      <button type="button" className="small" disabled={!selected} title={selected ? undefined : 'Select the revision to adopt first.'} onClick={onAdopt}>
        Adopt…
      </button>
    </div>
  );
}
