// One environment of the project: its place in promotion order (moved earlier or later), its
// connections picked from the saved ones, each in a role, and its removal.
import type { Profile } from '../../../src-shared/model/profile';
import { moveEnvironment, removeEnvironment, setMemberRole, toggleMember, type DraftEnvironment } from './projectDraft';
import { useProjects } from './projectsStore';
import { TextInput } from './TextInput';

interface Props {
  environment: DraftEnvironment;
  position: number;
  count: number;
  profiles: readonly Profile[];
}

export const newEnvironmentId = 'project-new-environment';

/** After a move the buttons re-render in place: the focus goes to the first of these still usable. */
function focusFirst(ids: string[]): void {
  requestAnimationFrame(() => {
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element instanceof HTMLButtonElement && !element.disabled) {
        element.focus();
        return;
      }
    }
  });
}

export function EnvironmentCard({ environment, position, count, profiles }: Props) {
  const edit = useProjects((s) => s.edit);
  const { key, name, members } = environment;
  const earlier = `${key}-earlier`;
  const later = `${key}-later`;
  const headingId = `${key}-heading`;
  const move = (by: -1 | 1) => {
    edit((d) => moveEnvironment(d, key, by));
    focusFirst(by === -1 ? [earlier, later] : [later, earlier]);
  };
  const remove = () => {
    edit((d) => removeEnvironment(d, key));
    requestAnimationFrame(() => document.getElementById(newEnvironmentId)?.focus());
  };
  return (
    <li className="project-environment" aria-labelledby={headingId}>
      <div className="project-environment-head">
        <h3 id={headingId}>
          <span className="muted small">{position + 1}.</span> {name}
        </h3>
        <span className="project-environment-actions">
          <button id={earlier} type="button" className="small" disabled={position === 0} onClick={() => move(-1)} aria-label={`Move ${name} earlier`}>
            ↑ Earlier
          </button>
          <button id={later} type="button" className="small" disabled={position === count - 1} onClick={() => move(1)} aria-label={`Move ${name} later`}>
            ↓ Later
          </button>
          <button type="button" className="small" onClick={remove} aria-label={`Remove the environment ${name}`}>
            Remove
          </button>
        </span>
      </div>
      {members.length === 0 && <p className="project-note small">No connections: none given yet, or they were removed. Tick some below.</p>}
      <fieldset className="project-members">
        <legend className="field-label">Connections of {name}</legend>
        {profiles.length === 0 && <p className="muted small">No saved connections yet.</p>}
        {profiles.map((profile) => {
          const member = members.find((m) => m.profileId === profile.id);
          const box = `${key}-member-${profile.id}`;
          return (
            <div key={profile.id} className="project-member">
              <input id={box} type="checkbox" checked={member !== undefined} onChange={() => edit((d) => toggleMember(d, key, profile.id))} />
              <label htmlFor={box}>
                {profile.name} <span className="muted small">({profile.environment})</span>
              </label>
              {member && (
                <TextInput
                  className="project-role"
                  value={member.role}
                  aria-label={`Role of ${profile.name} in ${name}`}
                  onText={(role) => edit((d) => setMemberRole(d, key, profile.id, role))}
                />
              )}
            </div>
          );
        })}
      </fieldset>
    </li>
  );
}
