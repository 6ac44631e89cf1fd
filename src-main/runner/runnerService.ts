// The runner as the API and the CLI use it: status of a connection against its project, plans,
// and runs (upgrade, downgrade, stamp) as long operations.
import type { ConnectionStatus } from '../../src-shared/model/status';
import { connect } from '../drivers/connect';
import type { Driver } from '../drivers/driver';
import type { ProfileService } from '../profiles/profileService';
import { connectionStatus } from './connectionStatus';
import { loadTargetProject, targetFromProfile, type MigrationTarget } from './migrationTarget';
import { readRecorded } from './versionTables';

export async function withDriver<T>(target: MigrationTarget, work: (driver: Driver) => Promise<T>): Promise<T> {
  const driver = await connect(target.connection);
  try {
    return await work(driver);
  } finally {
    await driver.close();
  }
}

export async function targetStatus(target: MigrationTarget): Promise<ConnectionStatus> {
  const project = loadTargetProject(target);
  const recorded = await withDriver(target, (driver) => readRecorded(driver, project.files.format));
  return connectionStatus(project, recorded);
}

export class RunnerService {
  constructor(private readonly profiles: ProfileService) {}

  target(profileId: string): MigrationTarget {
    const { profile, password } = this.profiles.withSecret(profileId);
    return targetFromProfile(profile, password);
  }

  status(profileId: string): Promise<ConnectionStatus> {
    return targetStatus(this.target(profileId));
  }
}
