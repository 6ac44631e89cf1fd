import { describe, expect, it, vi } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { useRunDialog } from '../../../../src-renderer/features/runner/runDialogStore';
import { openServices } from '../support/servicesBridge';

describe('the run dialog store', () => {
  it('previews the plan, runs it with progress, and ends with the result the server reports', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    const dialog = useRunDialog.getState();

    dialog.open(demo.id, { action: 'upgrade', to: 'heads' });
    await vi.waitFor(() => expect(useRunDialog.getState().phase).toBe('ready'));
    const planned = useRunDialog.getState().preview?.steps.length ?? 0;
    expect(planned).toBeGreaterThan(0);

    await useRunDialog.getState().run({ confirmation: {}, snapshotFirst: false, endSessions: false });
    await vi.waitFor(() => expect(useRunDialog.getState().phase).toBe('done'));

    const { result, progress, runsFinished } = useRunDialog.getState();
    expect(result?.steps).toHaveLength(planned);
    expect(progress).toEqual({ done: planned, total: planned });
    expect(result?.status.heads).toEqual((await call('runner.status', { profileId: demo.id })).heads);
    expect(runsFinished).toBe(1);
  });

  it('shows the server’s refusal of a target that names no revision, and runs nothing', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});

    useRunDialog.getState().open(demo.id, { action: 'upgrade', to: 'no-such-revision' });
    await vi.waitFor(() => expect(useRunDialog.getState().phase).toBe('failed'));

    expect(useRunDialog.getState().error?.code).toMatch(/^E_/);
    expect(useRunDialog.getState().result).toBeUndefined();
  });
});
