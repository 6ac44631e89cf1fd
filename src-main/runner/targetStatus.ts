// Where a target's database stands against its project: applied, pending, unknown and changed, and
// any other tool's bookkeeping the database holds, and whether the tool's own forbids a run.
import type { MigrationStatus } from '../../src-shared/model/status';
import { loadTargetProject, type MigrationTarget } from '../targets/migrationTarget';
import { withDriver } from '../targets/withDriver';
import { migrationStatus } from './migrationStatus';
import { otherBookkeeping } from './otherBookkeeping';
import { readRecorded } from './versionTables';

export async function targetStatus(target: MigrationTarget): Promise<MigrationStatus> {
  const project = loadTargetProject(target);
  const { recorded, others, refusal } = await withDriver(target, async (driver) => ({
    recorded: await readRecorded(driver, project),
    others: await otherBookkeeping(driver, project),
    refusal: project.format.runner === 'sql' ? await project.format.bookkeeping.refusal(driver) : null,
  }));
  return { ...migrationStatus(project, recorded), otherBookkeeping: others, runRefusal: refusal };
}
