// The open project: its name as the heading, its tabs (projectScreens) as an ARIA tab list, the
// chosen tab's panel. A new project shows only the tabs that work before it is saved.
import { panelIdOf, ScreenTabs, tabIdOf } from '../../app/ScreenTabs';
import { projectScreens } from './projectScreens';
import { newProject, selectedProject, useProjects } from './projectsStore';
import './projects.css';

export function ProjectWorkspace() {
  const { selected, tab, showTab } = useProjects();
  const project = useProjects(selectedProject);
  const isNew = selected === newProject;
  const screens = projectScreens.filter((s) => !isNew || s.forNewProject);
  const current = screens.find((s) => s.id === tab) ?? screens[0];
  if (!current) return null;
  const Current = current.component;
  return (
    <section className="project-workspace" aria-labelledby="project-heading">
      <h1 id="project-heading" tabIndex={-1}>
        {isNew ? 'New project' : `Project ${project?.name ?? ''}`}
      </h1>
      <ScreenTabs screens={screens} current={current.id} onShow={showTab} label="Project screens" />
      <div role="tabpanel" id={panelIdOf(current.id)} aria-labelledby={tabIdOf(current.id)} className="tab-panel">
        <Current />
      </div>
    </section>
  );
}
