// "Roll out…" on a group: the project's Rollouts tab opens with the form set to every member of the
// group (the rollout feature's own form, its confirmations and rows), the focus on the group's field.
import type { Group, Project } from '../../../src-shared/model/project';
import { useProjects } from '../projects/projectsStore';
import { rolloutGroupFieldId } from '../rollouts/RolloutForm';
import { useRollouts } from '../rollouts/rolloutStore';

export function openGroupRollout(project: Project, group: Group): void {
  const rollouts = useRollouts.getState();
  // open() takes the project at once (a new form when it is another project), so the form set next stays.
  void rollouts.open(project);
  rollouts.edit({ scope: 'group', group: group.name });
  const projects = useProjects.getState();
  projects.select(project.id);
  projects.showTab('rollouts');
  requestAnimationFrame(() => document.getElementById(rolloutGroupFieldId)?.focus());
}
