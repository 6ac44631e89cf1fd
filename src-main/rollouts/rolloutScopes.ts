// Where a rollout's databases come from: the connections of a project's environment, or the members
// of a group, each reached with the project's folder, format and Alembic command. On a project with
// bindings each database is the one of its role (an environment member's own, or the request's
// --role for a group) and runs only its own branch's part of the target, role after role in the
// bindings' order.
import { SwitchyardError } from '../../src-shared/errors';
import type { Project } from '../../src-shared/model/project';
import type { RolloutRequest } from '../../src-shared/model/rollout';
import type { TargetRef } from '../../src-shared/model/targetRef';
import { bindingOwnership } from '../../src-shared/projects/bindingOwnership';
import { boundPlan } from '../../src-shared/projects/bindingPlan';
import { loadProject } from '../migrations/project';
import { sameName } from '../projects/checkedModel';
import type { GroupService } from '../projects/groupService';
import type { ProjectService } from '../projects/projectService';
import type { RolloutDatabase, RolloutScopes } from './rolloutService';

function refIn(project: Project, profileId: string): TargetRef {
  return { profileId, project: project.dir, format: project.format, ...(project.alembicCommand ? { alembic: project.alembicCommand } : {}) };
}

/** A group of a project with bindings needs the role its members play; a role without bindings means nothing for a group. */
function groupRole(project: Project, request: RolloutRequest): string | undefined {
  if (project.bindings.length === 0) {
    if (request.role !== undefined) {
      throw new SwitchyardError(
        'E_INVALID_INPUT',
        `The project ${project.name} binds no branch to a database: --role has no meaning for a group rollout. Nothing was run.`,
      );
    }
    return undefined;
  }
  if (request.role === undefined) {
    const roles = [...new Set(project.bindings.map((b) => b.role))];
    throw new SwitchyardError(
      'E_INVALID_INPUT',
      `The project ${project.name} runs per database (${roles.join(', ')}): say which database the members of the group ${request.group ?? ''} are with --role ${roles.join('|')}. Nothing was run.`,
    );
  }
  return request.role;
}

export function projectRolloutScopes(projects: ProjectService, groups: GroupService): RolloutScopes {
  const roleOf = (request: RolloutRequest, project: Project, profileId: string): string | undefined => {
    if (request.group !== undefined) return groupRole(project, request);
    if (project.bindings.length === 0) return undefined;
    return project.environments.find((e) => sameName(e.name, request.env ?? ''))?.members.find((m) => m.profileId === profileId)?.role;
  };
  return {
    databases(request) {
      const project = projects.get(request.project);
      if (request.group === undefined) {
        const members = projects.memberTargets(project.id, request.env ?? '', request.role);
        const databases: RolloutDatabase[] = members.map((m) => ({
          profileId: m.profileId,
          ref: m.ref,
          ...(project.bindings.length > 0 ? { role: m.role } : {}),
        }));
        return { projectId: project.id, databases };
      }
      const group = groups.get(request.group);
      const role = groupRole(project, request);
      return {
        projectId: project.id,
        databases: group.profileIds.map((profileId) => ({ profileId, ref: refIn(project, profileId), ...(role === undefined ? {} : { role }) })),
      };
    },
    databaseOf(request, profileId) {
      const project = projects.get(request.project);
      const role = roleOf(request, project, profileId);
      return { profileId, ref: refIn(project, profileId), ...(role === undefined ? {} : { role }) };
    },
    perDatabase(request) {
      const project = projects.get(request.project);
      if (project.bindings.length === 0) return null;
      const loaded = loadProject(project.dir, { format: project.format === 'auto' ? undefined : project.format });
      const plan = boundPlan(loaded.graph, bindingOwnership(loaded.graph, project.bindings), 'upgrade', request.to);
      return plan.databases.map((d) => ({ role: d.role, targets: d.targets }));
    },
  };
}
