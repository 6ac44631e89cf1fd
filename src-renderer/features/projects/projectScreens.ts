// A project's tabs, in order. A feature adds its tab here with one entry (the matrix, rollouts…);
// each tab reads the open project from useProjects (selectedProject).
import type { ComponentType } from 'react';
import { MatrixScreen } from '../matrix/MatrixScreen';
import { RolloutScreen } from '../rollouts/RolloutScreen';
import { EnvironmentsTab } from './EnvironmentsTab';

export interface ProjectScreen {
  id: string;
  label: string;
  component: ComponentType;
  /** Shown for a project not saved yet (the form of a new one); other tabs wait until it is saved. */
  forNewProject?: boolean;
}

export const projectScreens: ProjectScreen[] = [
  { id: 'environments', label: 'Environments', component: EnvironmentsTab, forNewProject: true },
  { id: 'matrix', label: 'Matrix', component: MatrixScreen },
  { id: 'rollouts', label: 'Rollouts', component: RolloutScreen },
];
