// Drift on a project with bindings: each bound database of an environment compared, through its own
// connection, with its own migrations up to what it has applied (its own branch: the other
// database's revisions are never expected on it). One that cannot be compared carries its error; the
// others are still compared. One database at a time: each replays its migrations in a scratch database.
import { toWireError } from '../../src-shared/errors';
import type { BoundDrift, BoundDriftDatabase } from '../../src-shared/model/boundRun';
import type { DriftReport } from '../../src-shared/model/drift';
import type { TargetRef } from '../../src-shared/model/targetRef';
import type { BoundRunService } from './boundRunService';

export async function boundDrift(
  boundRuns: BoundRunService,
  drift: (ref: TargetRef) => Promise<DriftReport>,
  project: string,
  environment: string,
): Promise<BoundDrift> {
  const found = boundRuns.connections(project, environment);
  const databases: BoundDriftDatabase[] = [];
  for (const { ref, ...database } of found.databases) {
    if (!ref) {
      databases.push(database);
      continue;
    }
    try {
      databases.push({ ...database, report: await drift(ref) });
    } catch (error) {
      databases.push({ ...database, error: toWireError(error) });
    }
  }
  return { ...found, databases };
}
