// What a run will do, from what the database records: the plan and its prepared steps, the same
// for every format.
import type { Plan } from '../../src-shared/model/revision';
import type { PreviewStep, RunRequest } from '../../src-shared/model/run';
import type { Driver } from '../drivers/driver';
import { appliedWithAncestors, planDowngrade, planUpgrade } from '../../src-shared/graph/planner';
import type { LoadedProject } from '../migrations/project';
import { prepareSteps, type PreparedStep } from './preparedStep';
import { readRecorded } from './versionTables';

export const stamping = (request: RunRequest) => request.action === 'stamp';

export function planFor(project: LoadedProject, applied: ReadonlySet<string>, request: RunRequest): Plan {
  const up = request.action === 'upgrade' || (request.action === 'stamp' && !request.down);
  return up ? planUpgrade(project.graph, request.to, applied) : planDowngrade(project.graph, request.to, applied);
}

export interface PlannedRun {
  applied: Set<string>;
  steps: PreparedStep[];
}

export async function planRun(driver: Driver, project: LoadedProject, request: RunRequest): Promise<PlannedRun> {
  const recorded = await readRecorded(driver, project);
  const applied = appliedWithAncestors(
    project.graph,
    recorded.records.map((r) => r.revision),
  );
  // A tool that runs its own files (Alembic): our steps only describe them (no SQL bodies to run).
  const steps = prepareSteps(project.files, planFor(project, applied, request), { stamp: stamping(request) || project.format.runner === 'tool' });
  return { applied, steps };
}

export function previewSteps(steps: readonly PreparedStep[]): PreviewStep[] {
  return steps.map(({ revision, direction, file, message }) => ({ revision, direction, file, message }));
}
