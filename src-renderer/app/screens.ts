// The workspace's screens, in tab order. A feature adds itself here with one entry.
import type { ComponentType } from 'react';
import { ConnectionScreen } from '../features/connections/ConnectionScreen';
import { MigrationsScreen } from '../features/runner/MigrationsScreen';

export interface Screen {
  id: string;
  label: string;
  /** Keyboard shortcut digit (Alt+N). */
  key: string;
  component: ComponentType;
}

export const screens: Screen[] = [
  { id: 'connection', label: 'Connection', key: '1', component: ConnectionScreen },
  { id: 'migrations', label: 'Migrations', key: '4', component: MigrationsScreen },
];
