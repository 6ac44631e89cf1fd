// Where a target's database stands against its project: applied, pending, unknown and changed.
import type { MigrationStatus } from '../../src-shared/model/status';
import { loadTargetProject, type MigrationTarget } from '../targets/migrationTarget';
import { withDriver } from '../targets/withDriver';
import { migrationStatus } from './migrationStatus';
import { readRecorded } from './versionTables';

export async function targetStatus(target: MigrationTarget): Promise<MigrationStatus> {
  const project = loadTargetProject(target);
  const recorded = await withDriver(target, (driver) => readRecorded(driver, project));
  return migrationStatus(project, recorded);
}
