// The workspace's screens, in tab order. A feature adds itself here with one entry.
import type { ComponentType } from 'react';
import { ConnectionScreen } from '../features/connections/ConnectionScreen';
import { GraphScreen } from '../features/graph/GraphScreen';
import { InventoryScreen } from '../features/inventory/InventoryScreen';
import { MigrationsScreen } from '../features/runner/MigrationsScreen';
import { ResetScreen } from '../features/reset/ResetScreen';
import { ActivityScreen } from '../features/activity/ActivityScreen';
import { CompareScreen } from '../features/compare/CompareScreen';

export interface Screen {
  id: string;
  label: string;
  /** Keyboard shortcut digit (Alt+N). */
  key: string;
  component: ComponentType;
}

export const screens: Screen[] = [
  { id: 'connection', label: 'Connection', key: '1', component: ConnectionScreen },
  { id: 'graph', label: 'Graph', key: '2', component: GraphScreen },
  { id: 'inventory', label: 'Inventory', key: '3', component: InventoryScreen },
  { id: 'migrations', label: 'Migrations', key: '4', component: MigrationsScreen },
  { id: 'reset', label: 'Reset', key: '5', component: ResetScreen },
  { id: 'compare', label: 'Compare', key: '6', component: CompareScreen },
  { id: 'activity', label: 'Activity', key: '9', component: ActivityScreen },
];
