// Connections not in the group yet, ticked and added at its end (the rollout order); said when every
// connection is in it already.
import { useRef, useState, type FormEvent } from 'react';
import type { Group } from '../../../src-shared/model/project';
import { useConnections } from '../connections/connectionsStore';
import { ConnectionChecklist, tickedInOrder } from './ConnectionChecklist';
import { groupHeadingId } from './groupFocus';
import { useGroups } from './groupsStore';

export function AddMembers({ group }: { group: Group }) {
  const { busy, addMembers } = useGroups();
  const profiles = useConnections((s) => s.profiles);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const form = useRef<HTMLFormElement>(null);
  const outside = profiles.filter((p) => !group.profileIds.includes(p.id));
  if (outside.length === 0) return <p className="muted">{profiles.length === 0 ? 'No connections saved yet.' : 'Every saved connection is in this group.'}</p>;
  const chosen = tickedInOrder(outside, ticked);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || chosen.length === 0 || !(await addMembers(chosen))) return;
    setTicked(new Set());
    // The button goes disabled with nothing ticked: the keyboard goes on from the first connection still outside, or the heading.
    requestAnimationFrame(() => (form.current?.querySelector('input') ?? document.getElementById(groupHeadingId))?.focus());
  };
  return (
    <form ref={form} className="group-add" aria-labelledby="group-add-heading" onSubmit={(e) => void onSubmit(e)}>
      <h2 id="group-add-heading">Add connections</h2>
      <ConnectionChecklist legend="Not in the group yet" profiles={outside} ticked={ticked} onChange={setTicked} />
      <div className="actions">
        <button type="submit" disabled={chosen.length === 0}>
          {chosen.length === 0 ? 'Add to the group' : `Add ${chosen.length} connection${chosen.length === 1 ? '' : 's'} at the end`}
        </button>
      </div>
    </form>
  );
}
