// A replay that failed, told like a run failure (the revision, file:line and the server's words),
// but about the scratch database: the target itself was never touched.
import { SwitchyardError } from '../../../src-shared/errors';

interface RunFailureDetail {
  revision?: string;
  file?: string;
  line?: number | null;
  column?: number;
  serverMessage?: string;
}

export function replayFailure(error: unknown, replayedIn: string, untouched: string): SwitchyardError {
  if (!(error instanceof SwitchyardError)) throw error;
  const detail = (typeof error.detail === 'object' && error.detail !== null ? error.detail : {}) as RunFailureDetail;
  // The run's own aftermath ("the database is as it was before…") speaks of the scratch database, which is dropped: only the failure is kept.
  const failure =
    detail.revision && detail.file && detail.serverMessage !== undefined
      ? `${detail.revision} failed at ${detail.file}${detail.line ? `:${detail.line}:${detail.column ?? 1}` : ''}: ${detail.serverMessage}`
      : error.message;
  return new SwitchyardError(
    'E_REPLAY_FAILED',
    `The migrations could not be replayed into a scratch database (${replayedIn}): ${failure} [${error.code}]. ${untouched} was not touched; the scratch database is dropped.`,
    { ...detail, cause: error.code, replayedIn },
  );
}
