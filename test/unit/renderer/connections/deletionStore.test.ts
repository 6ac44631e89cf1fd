import { describe, expect, it } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { useDeletion } from '../../../../src-renderer/features/connections/deletionStore';
import { openServices } from '../support/servicesBridge';

describe('the deletion store', () => {
  it('lists the snapshots only the connection about to be deleted reaches', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    const taken = await call('snapshots.create', { profileId: demo.id, name: 'before deleting' });

    await useDeletion.getState().check(demo.id);

    const { exclusive, failure } = useDeletion.getState();
    expect(failure).toBeUndefined();
    expect(exclusive?.map((s) => s.id)).toContain(taken.id);
    expect(exclusive?.map((s) => s.id).sort()).toEqual((await call('snapshots.list', { profileId: demo.id })).map((s) => s.id).sort());
  });

  it('says why when it cannot look', async () => {
    await openServices();

    await useDeletion.getState().check('00000000-0000-4000-8000-000000000000');

    expect(useDeletion.getState().exclusive).toBeUndefined();
    expect(useDeletion.getState().failure?.message).toMatch(/.+/);
  });
});
