import { describe, expect, it, vi } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { useRehearsal } from '../../../../src-renderer/features/runner/rehearsalStore';
import { openServices } from '../support/servicesBridge';

describe('the run dialog’s rehearsal', () => {
  it('says a plan is not rehearsed, rehearses it on a clone, then says it is, and the database has nothing applied', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    const before = await call('runner.status', { profileId: demo.id });
    const request = { action: 'upgrade' as const, to: 'heads' };

    await useRehearsal.getState().load(demo.id, request);
    expect(useRehearsal.getState().standing).toMatchObject({ state: 'none', why: 'no rehearsal of this plan on this database yet' });

    await useRehearsal.getState().rehearse();
    await vi.waitFor(() => expect(useRehearsal.getState().standing?.state).toBe('rehearsed'), { timeout: 20_000 });

    const { rehearsal } = useRehearsal.getState().standing ?? {};
    expect(rehearsal?.clone.how).toBe('file copy');
    expect(before.pending.length).toBeGreaterThan(0);
    expect(rehearsal?.steps.map((s) => s.revision).sort()).toEqual([...before.pending].sort());
    expect((await call('runner.status', { profileId: demo.id })).applied).toEqual(before.applied);
  });
});
