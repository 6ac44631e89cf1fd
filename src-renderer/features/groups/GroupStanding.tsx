// A group belongs to no project: the project chosen here is the one its members are read against
// (where each stands, at a glance) and the one "Roll out…" opens, on its Rollouts tab, for this group.
import { useEffect } from 'react';
import { formatMoment } from '../../../src-shared/format/moment';
import { groupStatusSentence } from '../../../src-shared/model/groupStatus';
import type { Group } from '../../../src-shared/model/project';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useProjects } from '../projects/projectsStore';
import { openGroupRollout } from './groupRollout';
import { projectShown, useGroups } from './groupsStore';

export function GroupStanding({ group }: { group: Group }) {
  const { project: chosen, status, reading, statusFailure, chooseProject, readStatus } = useGroups();
  const projects = useProjects((s) => s.projects);
  const loadProjects = useProjects((s) => s.load);
  const shownProject = projectShown(chosen, projects);
  const readFor = status?.groupId === group.id ? status : undefined;
  useEffect(() => {
    if (projects === undefined) void loadProjects();
  }, [projects, loadProjects]);
  // The projects arrive after the group opened: its members are read once there is one to read against.
  useEffect(() => {
    if (shownProject && !readFor && !reading && !statusFailure) void readStatus();
  }, [shownProject, readFor, reading, statusFailure, readStatus]);
  if (projects === undefined) return <p className="muted">Reading the projects…</p>;
  if (projects.length === 0 || !shownProject)
    return (
      <p className="muted">
        Where each member stands, and a rollout, are read against a project&apos;s migrations: none yet (Projects, + New, in the sidebar).
      </p>
    );
  const project = projects.find((p) => p.name === shownProject);
  return (
    <section className="group-standing-bar" aria-labelledby="group-standing-heading">
      <h2 id="group-standing-heading">Where the members stand</h2>
      <div className="group-standing-controls">
        <label className="field">
          Against the project
          <select value={shownProject} onChange={(e) => chooseProject(e.target.value)}>
            {projects.map((p) => (
              <option key={p.id} value={p.name}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void readStatus()} aria-busy={reading}>
          {reading ? 'Reading…' : 'Read again'}
        </button>
        <button
          type="button"
          className="primary"
          disabled={group.profileIds.length === 0 || !project}
          onClick={() => project && openGroupRollout(project, group)}
        >
          Roll out {shownProject} to this group…
        </button>
      </div>
      <p role="status" className="group-standing-summary">
        {reading && !readFor
          ? `Reading ${group.profileIds.length} connection${group.profileIds.length === 1 ? '' : 's'}…`
          : readFor
            ? `${groupStatusSentence(readFor)} Read ${formatMoment(readFor.readAt)}.`
            : ''}
      </p>
      {statusFailure && <ErrorMessage lead="Status not read" error={statusFailure} />}
    </section>
  );
}
