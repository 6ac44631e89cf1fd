// Where a rollout's databases come from: the connections of a project's environment, or the members
// of a group, each reached with the project's folder, format and Alembic command.
import type { Project } from '../../src-shared/model/project';
import type { RolloutRequest } from '../../src-shared/model/rollout';
import type { TargetRef } from '../../src-shared/model/targetRef';
import type { GroupService } from '../projects/groupService';
import type { ProjectService } from '../projects/projectService';
import type { RolloutScopes } from './rolloutService';

function refIn(project: Project, profileId: string): TargetRef {
  return { profileId, project: project.dir, format: project.format, ...(project.alembicCommand ? { alembic: project.alembicCommand } : {}) };
}

export function projectRolloutScopes(projects: ProjectService, groups: GroupService): RolloutScopes {
  return {
    databases(request) {
      const project = projects.get(request.project);
      if (request.group === undefined) {
        const members = projects.memberTargets(project.id, request.env ?? '');
        return { projectId: project.id, databases: members.map((m) => ({ profileId: m.profileId, ref: m.ref })) };
      }
      const group = groups.get(request.group);
      return { projectId: project.id, databases: group.profileIds.map((profileId) => ({ profileId, ref: refIn(project, profileId) })) };
    },
    refOf: (request: RolloutRequest, profileId) => refIn(projects.get(request.project), profileId),
  };
}
