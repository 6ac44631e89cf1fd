// A new group: its name and the connections it starts with (more can be added, and the order changed, once it exists).
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextInput } from '../projects/TextInput';
import { useConnections } from '../connections/connectionsStore';
import { ConnectionChecklist, tickedInOrder } from './ConnectionChecklist';
import { focusSoon, groupHeadingId } from './groupFocus';
import { useGroups } from './groupsStore';

export function NewGroupForm() {
  const { busy, failure, create } = useGroups();
  const profiles = useConnections((s) => s.profiles);
  const [name, setName] = useState('');
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    // The form goes once the group exists: the keyboard goes on from the group's heading.
    if (await create(name, tickedInOrder(profiles, ticked))) focusSoon(groupHeadingId);
  };
  return (
    <form className="group-workspace" aria-labelledby="new-group-heading" onSubmit={(e) => void onSubmit(e)}>
      <h1 id="new-group-heading" tabIndex={-1}>
        New group
      </h1>
      <p className="muted">Connections that take the same migrations — a database per client or tenant — rolled out together, in the order listed.</p>
      <label className="field group-name-field">
        Group name
        <TextInput value={name} onText={setName} autoFocus refusedBy={failure ? 'new-group-refusal' : undefined} />
      </label>
      {profiles.length === 0 ? (
        <p className="muted">No connections yet: add the group now and its connections once they are saved.</p>
      ) : (
        <ConnectionChecklist legend="Connections in the group" profiles={profiles} ticked={ticked} onChange={setTicked} />
      )}
      {failure && (
        <div id="new-group-refusal">
          <ErrorMessage lead="Group not created" error={failure} />
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {busy === 'creating'
            ? 'Creating…'
            : ticked.size === 0
              ? 'Create group'
              : `Create group with ${ticked.size} connection${ticked.size === 1 ? '' : 's'}`}
        </button>
      </div>
    </form>
  );
}
