// What the database holds after a reset stopped, in words, from the steps that finished and whether
// the database exists now (asked of the server: a step can fail after dropping it).
import type { ResetRequest, ResetStepName } from '../../src-shared/model/reset';

/** `exists` undefined: the server could not be asked (it went away); the finished steps are all there is to go on. */
export function databaseState(
  done: readonly ResetStepName[],
  stoppedAt: ResetStepName | undefined,
  request: ResetRequest,
  exists: boolean | undefined,
): string {
  const has = (step: ResetStepName) => done.includes(step);
  const unasked = exists === undefined ? ' (from the steps that finished: the server could not be asked)' : '';
  const gone = exists === false || (exists === undefined && has('drop') && request.mode !== 'wipe' && !has('create') && !has('restore'));
  if (gone) return `dropped: the database does not exist now${unasked}`;
  let state: string;
  if (request.mode === 'wipe' && has('drop')) state = 'wiped: every schema was dropped and public created empty';
  else if (has('create')) state = 'created again, empty';
  else if (has('restore')) state = 'restored from the snapshot';
  // A restore makes its copy beside the database and swaps it in whole, so a failed one changed nothing.
  else if (!has('drop')) return `unchanged: nothing was dropped${unasked}`;
  else return 'dropped by this reset, and a database by that name exists again (not created by this reset)';
  if (stoppedAt === 'migrate') return `${state}; the migrations stopped at the failing revision (those before it are applied)${unasked}`;
  if (has('migrate')) state = `${state}, then migrated to ${request.to ?? 'the target'}`;
  if (stoppedAt === 'seed') return `${state}; the seed did not complete${unasked}`;
  if (has('seed')) state = `${state}, then seeded`;
  if (stoppedAt === 'verify') return `${state}; verification found differences${unasked}`;
  return `${state}${unasked}`;
}
