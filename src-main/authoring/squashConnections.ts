// Where each connection bound to a project stands against a squash's run: before it (nothing of it
// applied), past it (all of it), or inside it (some), which refuses the squash. Bound means the
// profile's own project folder, or a member of a stored project on that folder.
import { resolve } from 'node:path';
import type { Engine as EngineKind } from '../../src-shared/model/profile';
import type { SquashStanding } from '../../src-shared/model/squash';
import type { ConnectionTarget } from '../drivers/driver';
import type { TargetRef } from '../../src-shared/model/targetRef';
import { targetStatus } from '../runner/targetStatus';
import type { StoreSession } from '../session/storeSession';
import type { TargetResolver } from '../targets/targetResolver';

interface Bound {
  profileId: string;
  name: string;
  environment: string;
  engine: EngineKind;
  ref: TargetRef;
}

/** `folders`: the folder as given and as read (a repository's root and the migrations folder in it). */
function boundConnections(session: StoreSession, folders: readonly string[]): Bound[] {
  const { profiles, projects } = session.store;
  const found = new Map<string, Bound>();
  for (const p of profiles.list()) {
    if (p.projectDir !== '' && folders.includes(resolve(p.projectDir)))
      found.set(p.id, { profileId: p.id, name: p.name, environment: p.environment, engine: p.engine, ref: { profileId: p.id } });
  }
  for (const project of projects.list()) {
    if (!folders.includes(resolve(project.dir))) continue;
    for (const env of project.environments) {
      for (const m of env.members) {
        if (found.has(m.profileId)) continue;
        const profile = profiles.get(m.profileId);
        found.set(m.profileId, {
          profileId: m.profileId,
          name: profile.name,
          environment: env.name,
          engine: profile.engine,
          ref: { profileId: m.profileId, project: project.dir, format: project.format },
        });
      }
    }
  }
  return [...found.values()];
}

/** Each standing with the connection it was read through (in memory only: it holds the password), whose server may hold the replays. */
export async function squashStandings(
  session: StoreSession,
  targets: TargetResolver,
  folders: readonly string[],
  run: readonly string[],
  children: readonly string[],
): Promise<Array<{ standing: SquashStanding; connection: ConnectionTarget | undefined }>> {
  const bound = boundConnections(session, folders);
  return Promise.all(
    bound.map(async ({ profileId, name, environment, engine, ref }) => {
      try {
        const { target } = targets.resolve(ref);
        const { applied } = await targetStatus(target);
        const appliedOfRun = run.filter((id) => applied.includes(id));
        const standing = appliedOfRun.length === 0 ? 'before the run' : appliedOfRun.length === run.length ? 'past the run' : 'inside the run';
        const appliedAfter = children.filter((id) => applied.includes(id));
        return {
          standing: { profileId, connection: name, environment, engine, standing, appliedOfRun, appliedAfter },
          connection: target.connection,
        };
      } catch (error) {
        return {
          standing: {
            profileId,
            connection: name,
            environment,
            engine,
            standing: 'not read',
            appliedOfRun: [],
            appliedAfter: [],
            reason: (error as Error).message,
          },
          connection: undefined,
        };
      }
    }),
  );
}
