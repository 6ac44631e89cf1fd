// The project's environments in promotion order (dev first, production last), and a new one added
// by name at the end.
import { useState, type FormEvent } from 'react';
import { useConnections } from '../connections/connectionsStore';
import { EnvironmentCard, newEnvironmentId } from './EnvironmentCard';
import { addEnvironment } from './projectDraft';
import { useProjects } from './projectsStore';
import { TextInput } from './TextInput';

export function EnvironmentList() {
  const { draft, edit } = useProjects();
  const profiles = useConnections((s) => s.profiles);
  const [name, setName] = useState('');
  const [refused, setRefused] = useState<string | undefined>(undefined);
  if (!draft) return null;
  const add = (event: FormEvent) => {
    event.preventDefault();
    const result = addEnvironment(draft, name);
    if ('refused' in result) {
      setRefused(result.refused);
      return;
    }
    setRefused(undefined);
    setName('');
    edit(() => result.draft);
  };
  return (
    <section className="project-section" aria-labelledby="project-environments-title">
      <h2 id="project-environments-title">Environments, in promotion order</h2>
      {draft.environments.length === 0 && <p className="muted">None yet: add dev, staging, prod… in the order changes travel.</p>}
      <ol className="project-environments">
        {draft.environments.map((environment, position) => (
          <EnvironmentCard key={environment.key} environment={environment} position={position} count={draft.environments.length} profiles={profiles} />
        ))}
      </ol>
      <form className="project-inline-form" onSubmit={add}>
        <label className="field">
          <span className="field-label">New environment</span>
          <TextInput
            id={newEnvironmentId}
            value={name}
            onText={setName}
            placeholder="staging"
            refusedBy={refused ? 'project-environment-refused' : undefined}
          />
          {refused && (
            <span id="project-environment-refused" className="field-error">
              {refused}
            </span>
          )}
        </label>
        <button type="submit" disabled={!name.trim()}>
          Add environment
        </button>
      </form>
    </section>
  );
}
