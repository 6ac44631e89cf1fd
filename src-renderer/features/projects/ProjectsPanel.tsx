// "Projects" in the sidebar: each project with its environments in promotion order; selecting one
// opens its workspace in place of a connection's screens.
import { useEffect } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { newProject, useProjects } from './projectsStore';

export function ProjectsPanel() {
  const { projects, selected, failure, load, select, startNew } = useProjects();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="projects-panel" aria-labelledby="projects-title">
      <div className="sidebar-head">
        <h2 id="projects-title">Projects</h2>
        <button type="button" className="small" onClick={startNew} aria-label="New project" aria-pressed={selected === newProject}>
          + New
        </button>
      </div>
      {failure && !projects && <ErrorMessage lead="Projects" error={failure} />}
      {projects && projects.length === 0 && <p className="muted small">None yet: a migrations folder with its environments, dev to prod.</p>}
      {projects && projects.length > 0 && (
        <ul aria-label="Projects">
          {projects.map((project) => (
            <li key={project.id}>
              <button
                type="button"
                className={`connection-item project-item${selected === project.id ? ' selected' : ''}`}
                aria-current={selected === project.id ? 'true' : undefined}
                onClick={() => select(project.id)}
              >
                <span className="connection-name">{project.name}</span>
                <span className="connection-where">
                  {project.environments.map((e) => (e.members.length === 0 ? `${e.name} (empty)` : e.name)).join(' → ') || 'no environments yet'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
