// The group's name, renamed in place (reset recipes and rollouts keep following it: they hold its id).
import { useState, type FormEvent } from 'react';
import type { Group } from '../../../src-shared/model/project';
import { TextInput } from '../projects/TextInput';
import { useGroups } from './groupsStore';

export function GroupNameForm({ group }: { group: Group }) {
  const { busy, rename } = useGroups();
  const [name, setName] = useState(group.name);
  const unchanged = name.trim() === group.name;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!busy && !unchanged) await rename(name);
  };
  return (
    <form className="group-name-form" aria-label="Group name" onSubmit={(e) => void onSubmit(e)}>
      <label className="field group-name-field">
        Name
        <TextInput value={name} onText={setName} />
      </label>
      {/* Enabled even unchanged: a button disabled under the focus would drop it. */}
      <button type="submit">{busy === 'renaming' ? 'Renaming…' : 'Rename'}</button>
    </form>
  );
}
