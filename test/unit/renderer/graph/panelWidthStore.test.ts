import { beforeEach, describe, expect, it, vi } from 'vitest';
import { panelWidths, widthAfterKey } from '../../../../src-renderer/features/graph/panelWidthStore';

async function freshStore() {
  vi.resetModules();
  return (await import('../../../../src-renderer/features/graph/panelWidthStore')).usePanelWidth;
}

describe('the revision panel’s width', () => {
  beforeEach(() => localStorage.clear());

  it('is remembered for the next start', async () => {
    (await freshStore()).getState().resize(520);

    expect((await freshStore()).getState().width).toBe(520);
  });

  it('stays between its narrowest and widest, whatever the drag', async () => {
    const usePanelWidth = await freshStore();

    usePanelWidth.getState().resize(10);
    expect(usePanelWidth.getState().width).toBe(panelWidths.min);
    usePanelWidth.getState().resize(5000);
    expect(usePanelWidth.getState().width).toBe(panelWidths.max);
  });

  it('widens with the left arrow and narrows with the right, as the handle moves', () => {
    expect(widthAfterKey(400, 'ArrowLeft')).toBeGreaterThan(400);
    expect(widthAfterKey(400, 'ArrowRight')).toBeLessThan(400);
    expect(widthAfterKey(400, 'Home')).toBe(panelWidths.min);
    expect(widthAfterKey(400, 'End')).toBe(panelWidths.max);
    expect(widthAfterKey(400, 'a')).toBeUndefined();
  });

  it('starts at its initial width when nothing sensible was kept', async () => {
    localStorage.setItem('switchyard.revisionPanelWidth', 'wide');

    expect((await freshStore()).getState().width).toBe(panelWidths.initial);
  });
});
