// What a run left, said from the status read after it: the runner's message was written before the
// end, and a sentence about the database must match what the database now records.
import type { Snapshot } from '../../../src-shared/model/reset';
import type { MigrationStatus } from '../../../src-shared/model/status';

/** The step a failure names (the runner's error detail), when it names one. */
export interface FailedStep {
  revision: string;
  direction: 'up' | 'down';
}

const fieldOf = (detail: unknown, name: string): unknown =>
  typeof detail === 'object' && detail !== null ? (detail as Record<string, unknown>)[name] : undefined;

export function failedStepOf(detail: unknown): FailedStep | undefined {
  const revision = fieldOf(detail, 'revision');
  const direction = fieldOf(detail, 'direction');
  return typeof revision === 'string' && (direction === 'up' || direction === 'down') ? { revision, direction } : undefined;
}

/** The snapshot taken first and kept after the failure (RunFailureDetail). */
export function keptSnapshotOf(detail: unknown): Snapshot | undefined {
  const snapshot = fieldOf(detail, 'snapshot');
  return typeof snapshot === 'object' && snapshot !== null && typeof fieldOf(snapshot, 'id') === 'string' ? (snapshot as Snapshot) : undefined;
}

/** Where the database stands, e.g. "at m004 (4 revisions applied)". */
export function standing(status: MigrationStatus): string {
  const count = status.applied.length;
  if (count === 0) return 'at base: no revision is applied';
  return `at ${status.heads.join(', ')} (${count} revision${count === 1 ? '' : 's'} applied)`;
}

/** The failure's sentence, from the status read after it. */
export function failureSentence(step: FailedStep | undefined, after: MigrationStatus): string {
  const now = `The database is now ${standing(after)}.`;
  if (!step) return `The run failed. ${now}`;
  const applied = after.applied.includes(step.revision);
  if (step.direction === 'down') return `Reverting ${step.revision} failed: ${step.revision} is ${applied ? 'still applied' : 'no longer applied'}. ${now}`;
  return `Applying ${step.revision} failed: ${step.revision} is ${applied ? 'recorded as applied' : 'not applied'}. ${now}`;
}
