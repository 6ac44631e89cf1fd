// The open group, in place of a connection's screens: its name, where its members stand against a
// chosen project (and a rollout of that project to the group), its members in rollout order, the
// connections to add, and its deletion. A new group shows its form instead.
import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { AddMembers } from './AddMembers';
import { DeleteGroupDialog } from './DeleteGroupDialog';
import { groupHeadingId } from './groupFocus';
import { GroupMembers } from './GroupMembers';
import { GroupNameForm } from './GroupNameForm';
import { GroupStanding } from './GroupStanding';
import { newGroup, selectedGroup, useGroups } from './groupsStore';
import { NewGroupForm } from './NewGroupForm';

export function GroupWorkspace() {
  const { selected, busy, failure, done } = useGroups();
  const group = useGroups(selectedGroup);
  const [deleting, setDeleting] = useState(false);
  if (selected === newGroup) return <NewGroupForm />;
  if (!group) return null;
  return (
    <section className="group-workspace" aria-labelledby={groupHeadingId}>
      <h1 id={groupHeadingId} tabIndex={-1}>
        Group {group.name}
      </h1>
      <p className="muted">Connections that take the same migrations, in the order a rollout goes through them. Each change is saved at once.</p>
      <GroupNameForm key={group.id} group={group} />
      {!deleting && failure && <ErrorMessage lead="Group" error={failure} />}
      <p role="status" className="ok-text">
        {done ?? ''}
      </p>
      <GroupStanding group={group} />
      <GroupMembers group={group} />
      <AddMembers key={group.id} group={group} />
      <div className="actions group-delete">
        <button type="button" className="danger" disabled={busy !== undefined} onClick={() => setDeleting(true)}>
          Delete group…
        </button>
      </div>
      {deleting && <DeleteGroupDialog group={group} onCancel={() => setDeleting(false)} />}
    </section>
  );
}
