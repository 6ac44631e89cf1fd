import { beforeEach, describe, expect, it, vi } from 'vitest';

async function freshSidebarStore() {
  vi.resetModules();
  return (await import('../../../../src-renderer/app/sidebarStore')).useSidebar;
}

describe('the connections list, folded or shown', () => {
  beforeEach(() => localStorage.clear());

  it('is shown on a first start', async () => {
    expect((await freshSidebarStore()).getState().folded).toBe(false);
  });

  it('stays folded for the next start once folded, and shown once brought back', async () => {
    (await freshSidebarStore()).getState().toggle();
    const restarted = await freshSidebarStore();
    expect(restarted.getState().folded).toBe(true);

    restarted.getState().toggle();
    expect((await freshSidebarStore()).getState().folded).toBe(false);
  });
});
