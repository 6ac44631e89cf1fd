// What a re-parent means for databases that already recorded the old shape: for each connection bound
// to the project, whether its bookkeeping still says what ran once the graph changes, and the stamp
// that makes it say so (offered, never run).
import { resolve } from 'node:path';
import { buildGraph, withAncestors, type RevisionGraph } from '../../src-shared/graph/revisionGraph';
import type { StampCheck, StampNeed } from '../../src-shared/model/authoring';
import type { Profile } from '../../src-shared/model/profile';
import type { ProjectFormat, Revision } from '../../src-shared/model/revision';
import type { MigrationStatus } from '../../src-shared/model/status';

/** The revisions of `applied` with no child in it under `graph`. */
function headsWithin(graph: RevisionGraph, applied: ReadonlySet<string>): string[] {
  return [...applied].filter((id) => !(graph.children.get(id) ?? []).some((child) => applied.has(child))).sort();
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((id) => b.has(id));
}

/** One connection's need, or null when its bookkeeping reads the same under the new shape. */
export function stampNeed(profile: Profile, status: MigrationStatus, format: ProjectFormat, after: RevisionGraph): StampNeed | null {
  const recorded = status.records.map((r) => r.revision).filter((id) => after.byId.has(id));
  const ran = new Set(status.applied);
  const readAfter = withAncestors(after, recorded, false);
  // Alembic records the applied heads only; the other formats a row per applied revision.
  const shouldRecord = new Set(format === 'alembic' ? headsWithin(after, ran) : ran);
  if (sameSet(readAfter, ran) && sameSet(new Set(recorded), shouldRecord)) return null;
  const base = { profileId: profile.id, profile: profile.name, recorded };
  const unran = [...withAncestors(after, ran, false)].filter((id) => !ran.has(id)).sort();
  if (unran.length > 0)
    return {
      ...base,
      stampTo: [],
      reason: `Under the new shape, what ran here needs ${unran.join(', ')} first, which never ran here: no stamp can say what ran. Run those revisions, or leave this database's history as it is.`,
    };
  const stampTo = headsWithin(after, ran);
  return {
    ...base,
    stampTo,
    reason: `Its bookkeeping records ${recorded.join(', ') || 'nothing'}; under the new shape what ran here is recorded as ${stampTo.join(', ')}.`,
  };
}

/** The connections whose project folder is this one. */
export function boundProfiles(profiles: readonly Profile[], projectDir: string): Profile[] {
  const folder = resolve(projectDir);
  return profiles.filter((p) => p.projectDir !== '' && resolve(p.projectDir) === folder);
}

/** Each bound connection's need after the re-parent; a connection that cannot be read is named with why. */
export async function reparentStamps(
  bound: readonly Profile[],
  statusOf: (profile: Profile) => Promise<MigrationStatus>,
  format: ProjectFormat,
  after: readonly Revision[],
): Promise<StampCheck> {
  const graph = buildGraph(after);
  const check: StampCheck = { checked: true, reason: null, needs: [], unaffected: [], unreadable: [] };
  for (const profile of bound) {
    let status: MigrationStatus;
    try {
      status = await statusOf(profile);
    } catch (error) {
      check.unreadable.push({ profile: profile.name, reason: (error as Error).message });
      continue;
    }
    const need = stampNeed(profile, status, format, graph);
    if (need) check.needs.push(need);
    else check.unaffected.push(profile.name);
  }
  return check;
}
