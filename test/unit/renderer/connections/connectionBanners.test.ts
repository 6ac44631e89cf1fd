import { afterEach, describe, expect, it, vi } from 'vitest';
import { doneBannerMs, useConnections } from '../../../../src-renderer/features/connections/connectionsStore';
import { openServices } from '../support/servicesBridge';
import { tempDir } from '../../../support/tempDir';

async function saveNew(patch: Parameters<ReturnType<typeof useConnections.getState>['edit']>[0]): Promise<void> {
  const store = useConnections.getState();
  store.startNew();
  store.edit({ name: 'Shop PROD', environment: 'prod', engine: 'sqlite', sqlitePath: `${tempDir()}/shop.sqlite`, ...patch });
  await useConnections.getState().save();
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the banners of the connections screen', () => {
  it('says a saved connection has no project bound, rather than "Saved Shop PROD" beside the next words', async () => {
    await openServices();
    await saveNew({});
    expect(useConnections.getState().banner).toEqual({ kind: 'ok', text: 'Saved Shop PROD — no project bound' });
  });

  it('names only the connection when a project is bound', async () => {
    await openServices();
    await saveNew({ projectDir: tempDir() });
    expect(useConnections.getState().banner).toEqual({ kind: 'ok', text: 'Saved Shop PROD' });
  });

  it('takes a done-it banner away after a few seconds', async () => {
    await openServices();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await saveNew({});
    vi.advanceTimersByTime(doneBannerMs - 1);
    expect(useConnections.getState().banner?.text).toMatch(/^Saved Shop PROD/);
    vi.advanceTimersByTime(1);
    expect(useConnections.getState().banner).toBeUndefined();
  });

  it('takes a done-it banner away at the next change to the form', async () => {
    await openServices();
    await saveNew({});
    useConnections.getState().edit({ notes: 'ready for the release' });
    expect(useConnections.getState().banner).toBeUndefined();
  });

  it('keeps an error banner when the form changes, and a later banner is not taken away by an earlier timer', async () => {
    await openServices();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await saveNew({});
    useConnections.getState().pasteUri('not a uri');
    useConnections.getState().edit({ notes: 'typing on' });
    vi.advanceTimersByTime(doneBannerMs);
    expect(useConnections.getState().banner).toMatchObject({ kind: 'error' });
  });
});
