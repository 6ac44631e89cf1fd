// How wide the revision panel is beside the graph: the user drags or arrows the split, and the
// width is kept for the next start (localStorage: a preference of this screen, not of the store).
import { create } from 'zustand';

export const panelWidths = { min: 260, max: 960, initial: 380, step: 20 } as const;
const storageKey = 'switchyard.revisionPanelWidth';

const clamp = (width: number) => Math.round(Math.min(panelWidths.max, Math.max(panelWidths.min, width)));

function saved(): number {
  const value = Number(localStorage.getItem(storageKey));
  return Number.isFinite(value) && value > 0 ? clamp(value) : panelWidths.initial;
}

/** The width a key gives the panel, which sits right of the split: left widens it, right narrows it. */
export function widthAfterKey(width: number, key: string): number | undefined {
  if (key === 'ArrowLeft') return clamp(width + panelWidths.step);
  if (key === 'ArrowRight') return clamp(width - panelWidths.step);
  if (key === 'Home') return panelWidths.min;
  if (key === 'End') return panelWidths.max;
  return undefined;
}

interface PanelWidthState {
  width: number;
  resize(width: number): void;
}

export const usePanelWidth = create<PanelWidthState>((set) => ({
  width: saved(),
  resize(width) {
    const kept = clamp(width);
    localStorage.setItem(storageKey, String(kept));
    set({ width: kept });
  },
}));
