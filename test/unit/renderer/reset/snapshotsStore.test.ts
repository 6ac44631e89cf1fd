import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../src-shared/model/profile';
import { demoSnapshotName } from '../../../../src-shared/model/reset';
import { call } from '../../../../src-renderer/api/client';
import { useSnapshots } from '../../../../src-renderer/features/reset/snapshotsStore';
import { openServices } from '../support/servicesBridge';

/** The demo connection, moved to production: its snapshots are production data now. */
async function productionDemo(): Promise<Profile> {
  await openServices();
  const demo = await call('profiles.createDemo', {});
  const { id, hasPassword: _hasPassword, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = demo;
  return call('profiles.update', { id, profile: { ...fields, environment: 'prod' } });
}

describe('the snapshots store', () => {
  it('deletes a production snapshot only with the connection name typed, and says why otherwise', async () => {
    const prod = await productionDemo();
    await useSnapshots.getState().load(prod.id);
    const [snapshot] = useSnapshots.getState().snapshots;
    expect(snapshot).toBeDefined();
    if (!snapshot) return;

    await useSnapshots.getState().remove(snapshot);
    expect(useSnapshots.getState().error?.message).toContain(`type its name (${prod.name})`);
    expect(useSnapshots.getState().snapshots.map((s) => s.id)).toContain(snapshot.id);

    await useSnapshots.getState().remove(snapshot, prod.name);
    expect(useSnapshots.getState()).toMatchObject({ error: undefined, notice: `Deleted "${snapshot.name}".` });
    expect(useSnapshots.getState().snapshots.map((s) => s.id)).not.toContain(snapshot.id);
  });

  it('says when and by whom the pristine demo was deleted, until a new one is kept', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    await useSnapshots.getState().load(demo.id);
    const pristine = useSnapshots.getState().snapshots.find((s) => s.name === demoSnapshotName);
    expect(pristine).toBeDefined();
    expect(useSnapshots.getState().pristineDeleted).toBeUndefined();
    if (!pristine) return;

    await useSnapshots.getState().remove(pristine);
    const deleted = useSnapshots.getState().pristineDeleted;
    expect(deleted?.actor).toBeTruthy();
    expect(Date.parse(deleted?.at ?? '')).not.toBeNaN();

    await useSnapshots.getState().create(demoSnapshotName, { endSessions: false });
    expect(useSnapshots.getState().snapshots.map((s) => s.name)).toContain(demoSnapshotName);
    expect(useSnapshots.getState().pristineDeleted).toBeUndefined();
  });
});
