// A new project starts from a folder: its format found, and environments proposed from the
// connections already bound to it (what the CLI's `projects add` does too).
import { useState, type FormEvent } from 'react';
import { useProjects } from './projectsStore';
import { TextInput } from './TextInput';

export function DetectFolder() {
  const { detection, busy, detect } = useProjects();
  const [dir, setDir] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void detect(dir);
  };
  return (
    <form className="project-detect" onSubmit={submit} aria-label="Create a project from a folder">
      <label className="field">
        <span className="field-label">Migrations folder (or one holding alembic.ini)</span>
        <TextInput value={dir} onText={setDir} placeholder="/path/to/migrations" />
      </label>
      <button type="submit" className="primary" disabled={busy !== undefined || !dir.trim()}>
        {busy === 'detecting' ? 'Reading the folder…' : 'Detect'}
      </button>
      {detection && (
        <div className="project-detection" role="status">
          <p>
            Read as <strong>{detection.format}</strong> ({detection.reason}): {detection.revisions} revision{detection.revisions === 1 ? '' : 's'}.{' '}
            {detection.proposal.environments.length > 0
              ? `Environments proposed from the connections bound to this folder: ${detection.proposal.environments.map((e) => e.name).join(', ')}.`
              : 'No connection is bound to this folder yet: add environments below.'}
          </p>
          {detection.notes.map((note) => (
            <p key={note} className="project-note">
              {note}
            </p>
          ))}
        </div>
      )}
    </form>
  );
}
