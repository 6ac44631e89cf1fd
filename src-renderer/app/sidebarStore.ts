// Whether the connections list is shown beside the screens or folded away to give a small screen its
// room; kept for the next start (localStorage: a preference of this window, not of the store).
import { create } from 'zustand';

const storageKey = 'switchyard.connectionsFolded';

interface SidebarState {
  folded: boolean;
  toggle(): void;
}

export const useSidebar = create<SidebarState>((set, get) => ({
  folded: localStorage.getItem(storageKey) === 'true',
  toggle() {
    const folded = !get().folded;
    localStorage.setItem(storageKey, String(folded));
    set({ folded });
  },
}));
