// Which screen the workspace shows for the selected connection.
import { create } from 'zustand';

interface NavigationState {
  screen: string;
  go(screen: string): void;
}

export const useNavigation = create<NavigationState>((set) => ({
  screen: 'connection',
  go: (screen) => set({ screen }),
}));
