// The project's Environments tab: a new project from a folder (detected, environments proposed),
// then its fields, environments and bindings edited and saved, or the project removed.
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { BindingsEditor } from './BindingsEditor';
import { DetectFolder } from './DetectFolder';
import { EnvironmentList } from './EnvironmentList';
import { ProjectFields } from './ProjectFields';
import { newProject, selectedProject, useProjects } from './projectsStore';

export function EnvironmentsTab() {
  const { selected, draft, detection, busy, failure, done, save, remove } = useProjects();
  const project = useProjects(selectedProject);
  const [removing, setRemoving] = useState(false);
  if (!draft) return null;
  const isNew = selected === newProject;
  return (
    <div className="project-form">
      {isNew && <DetectFolder />}
      {(!isNew || detection) && (
        <>
          <ProjectFields />
          <EnvironmentList />
          <BindingsEditor />
        </>
      )}
      {failure && <ErrorMessage lead={isNew ? 'Project not created' : 'Project'} error={failure} />}
      <p role="status" className="ok-text">
        {done ?? ''}
      </p>
      {(!isNew || detection) && (
        <div className="actions">
          <button type="button" className="primary" disabled={busy !== undefined} onClick={() => void save()}>
            {busy === 'saving' ? 'Saving…' : isNew ? 'Create project' : 'Save changes'}
          </button>
          {!isNew && (
            <button type="button" className="danger" disabled={busy !== undefined} onClick={() => setRemoving(true)}>
              Remove project…
            </button>
          )}
        </div>
      )}
      {removing && project && (
        <ConfirmDialog
          title={`Remove the project ${project.name}?`}
          confirmLabel="Remove project"
          danger
          onCancel={() => setRemoving(false)}
          onConfirm={() => {
            setRemoving(false);
            void remove();
          }}
        >
          <p>Its environments and bindings are forgotten. Its connections, their databases and the migrations folder stay as they are.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
