// Database bindings: a branch label (or Alembic version location) whose revisions live on the
// database of a role, for a project of several databases. A role no connection plays is said.
import { useState, type FormEvent } from 'react';
import { addBinding, removeBinding, unplayedRoles } from './projectDraft';
import { useProjects } from './projectsStore';
import { TextInput } from './TextInput';

export function BindingsEditor() {
  const { draft, edit } = useProjects();
  const [label, setLabel] = useState('');
  const [role, setRole] = useState('');
  const [refused, setRefused] = useState<string | undefined>(undefined);
  if (!draft) return null;
  const bind = (event: FormEvent) => {
    event.preventDefault();
    const result = addBinding(draft, label, role);
    if ('refused' in result) {
      setRefused(result.refused);
      return;
    }
    setRefused(undefined);
    setLabel('');
    setRole('');
    edit(() => result.draft);
  };
  const unplayed = unplayedRoles(draft);
  return (
    <section className="project-section" aria-labelledby="project-bindings-title">
      <h2 id="project-bindings-title">Database bindings</h2>
      <p className="muted small">
        For a project of several databases: the revisions of a branch label run on the connection of its role in each environment. Without bindings every
        environment has one database.
      </p>
      {draft.bindings.length > 0 && (
        <ul className="project-bindings" aria-label="Bindings">
          {draft.bindings.map((b) => (
            <li key={b.label}>
              <span>
                <code>{b.label}</code> on the <strong>{b.role}</strong> database
              </span>
              <button type="button" className="small" onClick={() => edit((d) => removeBinding(d, b.label))} aria-label={`Unbind ${b.label}`}>
                Unbind
              </button>
            </li>
          ))}
        </ul>
      )}
      {unplayed.length > 0 && (
        <p className="project-note small" role="status">
          No connection plays the role {unplayed.join(', ')} yet: give one in each environment (its role, next to the connection).
        </p>
      )}
      <form className="project-inline-form" onSubmit={bind}>
        <label className="field">
          <span className="field-label">Branch label</span>
          <TextInput value={label} onText={setLabel} placeholder="auth" />
        </label>
        <label className="field">
          <span className="field-label">Database role</span>
          <TextInput value={role} onText={setRole} placeholder="auth" refusedBy={refused ? 'project-binding-refused' : undefined} />
        </label>
        <button type="submit" disabled={!label.trim() || !role.trim()}>
          Bind
        </button>
      </form>
      {refused && (
        <p id="project-binding-refused" className="field-error">
          {refused}
        </p>
      )}
    </section>
  );
}
