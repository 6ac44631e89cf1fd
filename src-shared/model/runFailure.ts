// Why one database's run failed, as the runner's error says it: the code and message, and where the
// failing statement is (revision, file, line, column) when the runner knows it. A rollout's row and a
// promotion's connection carry it alike.
import { SwitchyardError } from '../errors';

export interface RunFailure {
  code: string;
  message: string;
  revision?: string;
  file?: string;
  line?: number;
  column?: number;
}

/** The failure a caught error is, with the runner's location from its detail. */
export function runFailureOf(error: unknown): RunFailure {
  if (!(error instanceof SwitchyardError)) return { code: 'E_INTERNAL', message: error instanceof Error ? error.message : String(error) };
  const detail = (typeof error.detail === 'object' && error.detail !== null ? error.detail : {}) as Record<string, unknown>;
  return {
    code: error.code,
    message: error.message,
    ...(typeof detail.revision === 'string' ? { revision: detail.revision } : {}),
    ...(typeof detail.file === 'string' ? { file: detail.file } : {}),
    ...(typeof detail.line === 'number' ? { line: detail.line } : {}),
    ...(typeof detail.column === 'number' ? { column: detail.column } : {}),
  };
}

/** "002_a2.sql:5:1", "002_a2.sql", or '' when the failure names no file. */
export function runFailureLocation(failure: RunFailure | undefined): string {
  if (!failure?.file) return '';
  return `${failure.file}${failure.line ? `:${failure.line}${failure.column ? `:${failure.column}` : ''}` : ''}`;
}
