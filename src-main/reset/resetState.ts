// What the database holds after a reset stopped, in words, from the steps that finished.
import type { ResetRequest, ResetStepName } from '../../src-shared/model/reset';

export function databaseState(done: readonly ResetStepName[], stoppedAt: ResetStepName | undefined, request: ResetRequest): string {
  const has = (step: ResetStepName) => done.includes(step);
  if (!has('drop')) return 'unchanged: nothing was dropped';
  let state: string;
  if (request.mode === 'wipe') state = 'wiped: every schema was dropped and public created empty';
  else if (has('create')) state = 'created again, empty';
  else if (has('restore')) state = 'restored from the snapshot';
  else return 'dropped: the database does not exist now';
  if (stoppedAt === 'migrate') return `${state}; the migrations stopped at the failing revision (those before it are applied)`;
  if (has('migrate')) state = `${state}, then migrated to ${request.to ?? 'the target'}`;
  if (stoppedAt === 'seed') return `${state}; the seed did not complete`;
  if (has('seed')) state = `${state}, then seeded`;
  if (stoppedAt === 'verify') return `${state}; verification found differences`;
  return state;
}
