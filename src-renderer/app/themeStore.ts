// Light or dark: the operating system's preference unless the user picks one; the pick is kept in
// this browser profile's localStorage (it is a preference of the screen, not of the store).
import { create } from 'zustand';

export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];

const storageKey = 'switchyard.theme';

function saved(): Theme {
  const value = localStorage.getItem(storageKey);
  return themes.find((theme) => theme === value) ?? 'system';
}

/** The stylesheet follows prefers-color-scheme unless the root carries an explicit data-theme. */
function show(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

interface ThemeState {
  theme: Theme;
  pick(theme: Theme): void;
}

export const useTheme = create<ThemeState>((set) => ({
  theme: saved(),
  pick(theme) {
    localStorage.setItem(storageKey, theme);
    show(theme);
    set({ theme });
  },
}));

show(useTheme.getState().theme);
