import { describe, expect, it, vi } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { useReset } from '../../../../src-renderer/features/reset/resetStore';
import { useSnapshots } from '../../../../src-renderer/features/reset/snapshotsStore';
import { openServices } from '../support/servicesBridge';

describe('the reset wizard store', () => {
  it('runs a confirmed reset, shows every step as it ends, and lands on Verify with the result', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    const wizard = useReset.getState();
    wizard.start(demo.id);
    wizard.setRequest({ mode: 'recreate', to: 'heads', takeSnapshot: false, skipSnapshotAcknowledged: true });
    await useReset.getState().loadPlan();
    const planned = useReset.getState().plan?.steps.map((s) => s.step) ?? [];
    expect(planned.length).toBeGreaterThan(0);

    useReset.getState().setTyped({ typedName: useReset.getState().plan?.databaseName ?? '' });
    await useReset.getState().run();
    await vi.waitFor(() => expect(useReset.getState()).toMatchObject({ step: 'verify', error: undefined }));

    const { result, live } = useReset.getState();
    expect(result?.ok).toBe(true);
    expect(live.map((s) => s.step)).toEqual(planned);
    expect(live.every((s) => s.outcome === 'done' || s.outcome === 'skipped')).toBe(true);

    await useReset.getState().readStatusAfterUndo();
    const now = useReset.getState().statusAfterUndo;
    expect(typeof now === 'object' && now.heads).toEqual((await call('runner.status', { profileId: demo.id })).heads);
  });

  it('counts the restores made before its result, so one made after it (Reset demo) is told from them', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    await useSnapshots.getState().load(demo.id);
    const pristine = useSnapshots.getState().snapshots.find((s) => s.name === 'Pristine demo');
    if (!pristine) throw new Error('the demo has no pristine snapshot');
    await useSnapshots.getState().restore(pristine, { endSessions: false });
    useReset.getState().start(demo.id);
    useReset.getState().setRequest({ mode: 'recreate', to: 'heads', takeSnapshot: false, skipSnapshotAcknowledged: true });
    await useReset.getState().loadPlan();
    useReset.getState().setTyped({ typedName: useReset.getState().plan?.databaseName ?? '' });
    await useReset.getState().run();
    await vi.waitFor(() => expect(useReset.getState().step).toBe('verify'));
    expect(useReset.getState().restoresBeforeResult).toBe(1);

    await useSnapshots.getState().restore(pristine, { endSessions: false });
    expect(useSnapshots.getState().restored.slice(useReset.getState().restoresBeforeResult)).toEqual([pristine.id]);
  });

  it('stays on Confirm with the refusal when the typed name does not match', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    useReset.getState().start(demo.id);
    useReset.getState().setRequest({ mode: 'recreate', to: 'heads', takeSnapshot: false, skipSnapshotAcknowledged: true });

    useReset.getState().setTyped({ typedName: 'demo (typo)' });
    await useReset.getState().run();
    await vi.waitFor(() => expect(useReset.getState().step).toBe('confirm'));

    expect(useReset.getState().error?.code).toBe('E_CONFIRMATION_REQUIRED');
    expect(useReset.getState().result).toBeUndefined();
  });

  it('reads the bound project for the target picker when a connection is chosen', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});

    useReset.getState().start(demo.id);
    await vi.waitFor(() => expect(useReset.getState().project).toBeDefined());

    const status = await call('runner.status', { profileId: demo.id });
    expect(useReset.getState().project?.report.heads).toEqual(status.projectHeads);
  });
});
