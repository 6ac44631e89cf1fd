// A reset's migrate step, checked before anything is dropped: the plan it will apply to the new
// database (empty, or a snapshot at its recorded heads), through the runner's planner and its
// table-conflict replay. A migrate step known to fail makes the whole reset a refusal.
import type { Plan } from '../../src-shared/model/revision';
import type { ResetRequest, Snapshot } from '../../src-shared/model/reset';
import { SwitchyardError } from '../../src-shared/errors';
import { conflictingTables } from '../inventory/conflicts';
import type { RevisionGraph } from '../../src-shared/graph/revisionGraph';
import { appliedWithAncestors, planUpgrade } from '../../src-shared/graph/planner';
import type { LoadedProject } from '../migrations/project';
import { analyseTables, expectedTables, type TableChanges } from '../migrations/staticAnalysis';
import { loadTargetProject, type MigrationTarget } from '../targets/migrationTarget';

export type MigratePlan = { plan: Plan; refusal: null } | { plan: null; refusal: string };

const refusedBecause = (to: string, why: string) => `Migrating to ${to} would fail, so nothing is dropped: ${why}`;

/** The planner's answer for the migrate step; a plan it refuses (cycle, missing parent, ambiguous target) is the refusal. */
export function planMigrate(graph: RevisionGraph, to: string, startingHeads: readonly string[]): MigratePlan {
  try {
    return { plan: planUpgrade(graph, to, appliedWithAncestors(graph, startingHeads)), refusal: null };
  } catch (error) {
    if (error instanceof SwitchyardError) return { plan: null, refusal: refusedBecause(to, `${error.message} [${error.code}]`) };
    throw error;
  }
}

/** The plan replayed over the tables the starting point holds (none for a new database): each table created twice. */
export function migrateConflicts(
  graph: RevisionGraph,
  changes: ReadonlyMap<string, TableChanges>,
  to: string,
  plan: Plan,
  startingHeads: readonly string[],
): string[] {
  const existing = expectedTables(graph, changes, appliedWithAncestors(graph, startingHeads));
  const toRun = plan.steps.map((s) => s.revision);
  return conflictingTables(graph, changes, toRun, existing).map((conflict) => refusedBecause(to, conflict.message));
}

/** Everything known to make the migrate step fail, from `startingHeads` (empty: a new database). */
export async function migrateRefusalsFor(project: LoadedProject, to: string, startingHeads: readonly string[]): Promise<string[]> {
  const { graph } = project;
  const planned = planMigrate(graph, to, startingHeads);
  if (planned.plan === null) return [planned.refusal];
  const involved = new Set([...appliedWithAncestors(graph, startingHeads), ...planned.plan.steps.map((s) => s.revision)]);
  const changes = await analyseTables(
    project.files.files.filter((f) => involved.has(f.revision.id)),
    project.files.format,
  );
  return migrateConflicts(graph, changes, to, planned.plan, startingHeads);
}

/** The reset's own question: none when it does not migrate (or has no project, which refusalsFor reports). */
export async function migrateRefusals(target: MigrationTarget, request: ResetRequest, snapshot: Snapshot | undefined): Promise<string[]> {
  if (!request.to || !target.projectDir) return [];
  const startingHeads = request.mode === 'snapshot' ? (snapshot?.heads ?? []) : [];
  return migrateRefusalsFor(loadTargetProject(target), request.to, startingHeads);
}
