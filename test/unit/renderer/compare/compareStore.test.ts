// The Compare tab's pickers follow the connection selected in the sidebar: the sides that were on the
// connection selected before move to the new one, keeping what of it was picked; a side moved to another
// connection on purpose stays; the comparison of the connection before is not left on screen.
import { describe, expect, it, vi } from 'vitest';
import { threeOfOneProject } from '../support/threeOfOneProject';

async function freshStore() {
  vi.resetModules();
  return (await import('../../../../src-renderer/features/compare/compareStore')).useCompare;
}

describe('the Compare tab’s pickers', () => {
  it('compare the connection selected in the sidebar, not the first one selected', async () => {
    const { dev, prod } = await threeOfOneProject();
    const useCompare = await freshStore();

    useCompare.getState().follow(dev.id);
    await useCompare.getState().compare();
    expect(useCompare.getState().comparison?.from.name).toContain(dev.name);

    useCompare.getState().follow(prod.id);

    expect(useCompare.getState().a).toEqual({ choice: 'applied', profileId: prod.id, snapshotId: '' });
    expect(useCompare.getState().b).toEqual({ choice: 'connection', profileId: prod.id, snapshotId: '' });
    expect(useCompare.getState().comparison).toBeUndefined();
  });

  it('keep what of it was picked, and a side moved to another connection on purpose', async () => {
    const { dev, staging, prod } = await threeOfOneProject();
    const useCompare = await freshStore();
    useCompare.getState().follow(dev.id);
    useCompare.getState().pick('a', { choice: 'heads' });
    useCompare.getState().pick('b', { profileId: staging.id });

    useCompare.getState().follow(prod.id);

    expect(useCompare.getState().a).toEqual({ choice: 'heads', profileId: prod.id, snapshotId: '' });
    expect(useCompare.getState().b).toEqual({ choice: 'connection', profileId: staging.id, snapshotId: '' });
  });
});
