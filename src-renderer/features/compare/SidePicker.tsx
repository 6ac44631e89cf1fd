// One side of a comparison: which connection, and what of it — the database now, what its migrations
// make, or one of its snapshots.
import { useId } from 'react';
import { formatMoment } from '../../../src-shared/format/moment';
import type { Profile } from '../../../src-shared/model/profile';
import type { Snapshot } from '../../../src-shared/model/reset';
import { sideChoices, type SideChoice, type SidePick } from './compareStore';

interface Props {
  /** "A — the schema to match". */
  legend: string;
  pick: SidePick;
  profiles: Profile[];
  /** The picked connection's ready snapshots; undefined while they are listed. */
  snapshots: Snapshot[] | undefined;
  onPick(patch: Partial<SidePick>): void;
}

export function SidePicker({ legend, pick, profiles, snapshots, onPick }: Props) {
  // Labels by id rather than around the select, so a label's name is its words alone.
  const id = useId();
  return (
    <fieldset className="compare-side">
      <legend>{legend}</legend>
      <div className="compare-field">
        <label className="field-label" htmlFor={`${id}-connection`}>
          Connection
        </label>
        <select id={`${id}-connection`} value={pick.profileId} onChange={(e) => onPick({ profileId: e.target.value })}>
          <option value="">Pick a connection</option>
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.environment})
            </option>
          ))}
        </select>
      </div>
      <div className="compare-field compare-field-wide">
        <label className="field-label" htmlFor={`${id}-what`}>
          What of it
        </label>
        <select id={`${id}-what`} value={pick.choice} onChange={(e) => onPick({ choice: e.target.value as SideChoice })}>
          {(Object.keys(sideChoices) as SideChoice[]).map((choice) => (
            <option key={choice} value={choice}>
              {sideChoices[choice]}
            </option>
          ))}
        </select>
      </div>
      {pick.choice === 'snapshot' && (
        <div className="compare-field">
          <label className="field-label" htmlFor={`${id}-snapshot`}>
            Snapshot
          </label>
          <select
            id={`${id}-snapshot`}
            value={pick.snapshotId}
            onChange={(e) => onPick({ snapshotId: e.target.value })}
            disabled={!snapshots || snapshots.length === 0}
          >
            <option value="">{!snapshots ? 'Listing snapshots…' : snapshots.length === 0 ? 'This connection has no snapshot' : 'Pick a snapshot'}</option>
            {(snapshots ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} — {formatMoment(s.createdAt)}
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}
