// The project's own fields: name, folder, format, Alembic command, and whether promotions to
// production need a second person's approval.
import type { ProjectFormatChoice } from '../../../src-shared/model/profile';
import { projectFormatOptions } from '../connections/profileDraft';
import { useProjects } from './projectsStore';
import { TextInput } from './TextInput';

export function ProjectFields() {
  const { draft, edit } = useProjects();
  if (!draft) return null;
  return (
    <div className="grid project-fields">
      <label className="field">
        <span className="field-label">Project name</span>
        <TextInput value={draft.name} onText={(text) => edit((d) => ({ ...d, name: text }))} />
      </label>
      <label className="field">
        <span className="field-label">Migrations folder</span>
        <TextInput value={draft.dir} onText={(text) => edit((d) => ({ ...d, dir: text }))} />
      </label>
      <label className="field">
        <span className="field-label">Format</span>
        <select value={draft.format} onChange={(e) => edit((d) => ({ ...d, format: e.target.value as ProjectFormatChoice }))}>
          {projectFormatOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field wide">
        <span className="field-label">Command that runs Alembic (empty: alembic)</span>
        <TextInput value={draft.alembicCommand} onText={(text) => edit((d) => ({ ...d, alembicCommand: text }))} />
      </label>
      <div className="check wide project-approval">
        <input
          id="project-approval"
          type="checkbox"
          role="switch"
          checked={draft.requireApproval}
          aria-describedby="project-approval-note"
          onChange={(e) => edit((d) => ({ ...d, requireApproval: e.target.checked }))}
        />
        <label htmlFor="project-approval">Promotions to production need a second person’s approval</label>
        <span id="project-approval-note" className="small">
          A name and a note typed in and kept in the audit log: this is a laptop app, not an identity system.
        </span>
      </div>
    </div>
  );
}
