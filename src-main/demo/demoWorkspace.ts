// The empty state's offer, composed from the services it needs: a SQLite database in the app's data
// folder, bound to the bundled demo project, part-way through its history, with a snapshot to reset to.
// It lives here, above profiles, runner and snapshots, so none of them has to know the others.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Profile, ValidProfileInput } from '../../src-shared/model/profile';
import { demoSnapshotName } from '../../src-shared/model/reset';
import { connect } from '../drivers/connect';
import { toConnectionTarget } from '../profiles/connectionTarget';
import type { ProfileService } from '../profiles/profileService';
import type { SnapshotService } from '../reset/snapshots';
import { runSeed } from '../reset/seedRun';
import { targetFromProfile } from '../targets/migrationTarget';
import { runTarget } from '../runner/runnerService';
import { withDriver } from '../targets/withDriver';
import type { StoreSession } from '../session/storeSession';
import { bundledDemoData, bundledDemoProject, demoStartingPoint } from './demoProject';

export class DemoWorkspace {
  constructor(
    private readonly session: StoreSession,
    private readonly profiles: ProfileService,
    private readonly snapshots: SnapshotService,
    private readonly dataDir: string,
  ) {}

  /** The demo connection, created on first ask; asked again, the one that exists. */
  async create(actor: string): Promise<Profile> {
    const existing = this.profiles.list().find((profile) => profile.environment === 'demo');
    if (existing) return existing;
    const folder = join(this.dataDir, 'demo');
    mkdirSync(folder, { recursive: true });
    const input: ValidProfileInput = {
      name: this.profiles.freeName('Demo'),
      environment: 'demo',
      engine: 'sqlite',
      host: '',
      port: 5432,
      database: '',
      user: '',
      sslMode: 'disable',
      sslCaFile: '',
      sqlitePath: join(folder, 'demo.sqlite'),
      readOnly: false,
      notes: 'Demo database created by Switchyard; safe to reset at any time.',
      projectDir: bundledDemoProject() ?? '',
      projectFormat: 'native',
      alembicCommand: '',
    };
    const driver = await connect(toConnectionTarget(input, undefined), { create: true });
    await driver.close();
    const profile = this.profiles.create(input, actor);
    const target = targetFromProfile(profile, undefined);
    if (profile.projectDir) {
      const { audit } = this.session.store;
      for (const request of demoStartingPoint) await runTarget(target, request, { actor, audit: (record) => audit.append(record) });
      const data = bundledDemoData();
      if (data) await withDriver(target, (demo) => runSeed(demo, data));
    }
    // What "Reset demo" restores, in about a second.
    await this.snapshots.create({ key: profile.id, target }, demoSnapshotName, actor);
    return profile;
  }
}
