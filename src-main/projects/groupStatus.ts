// Where each member of a group stands against a project's migrations, read a few at a time with the
// project's folder, format and Alembic command (as a rollout of the group would reach them). A member
// that cannot be read keeps its row with why; the others are not lost.
import { toWireError } from '../../src-shared/errors';
import { standingOf, type GroupMemberStatus, type GroupStatus } from '../../src-shared/model/groupStatus';
import type { Group, Project } from '../../src-shared/model/project';
import type { Profile } from '../../src-shared/model/profile';
import type { MigrationStatus } from '../../src-shared/model/status';
import type { TargetRef } from '../../src-shared/model/targetRef';
import { boundedAll } from '../matrix/boundedAll';

/** Databases read at once: the matrix's limit, for the same laptop and the same shared servers. */
const readLimit = 4;

export interface GroupStatusSources {
  profile(id: string): Profile;
  status(ref: TargetRef): Promise<MigrationStatus>;
}

export async function readGroupStatus(group: Group, project: Project, sources: GroupStatusSources): Promise<GroupStatus> {
  const members = await boundedAll(group.profileIds, readLimit, async (profileId): Promise<GroupMemberStatus> => {
    const profile = sources.profile(profileId);
    const member = { profileId, name: profile.name, environment: profile.environment };
    const ref: TargetRef = { profileId, project: project.dir, format: project.format, ...(project.alembicCommand ? { alembic: project.alembicCommand } : {}) };
    try {
      return { ...member, standing: standingOf(await sources.status(ref)) };
    } catch (error) {
      return { ...member, error: toWireError(error) };
    }
  });
  return { groupId: group.id, group: group.name, project: project.name, readAt: new Date().toISOString(), members };
}
