// The audit entries of a run, the same for the formats Switchyard runs and for Alembic's command.
import { SwitchyardError } from '../../src-shared/errors';
import type { RunRequest } from '../../src-shared/model/run';
import type { AuditRecord } from '../store/auditLog';

/** A failed run, with its code and message; `detail` adds what the runner knows (what completed, via what). */
export function runFailureRecord(actor: string, target: string, request: RunRequest, error: unknown, detail: Record<string, unknown>): AuditRecord {
  return {
    actor,
    action: `runner.${request.action}.failed`,
    target,
    detail: {
      request,
      ...detail,
      // The failing step, so the matrix can show which revision failed where.
      ...failingStep(error),
      code: error instanceof SwitchyardError ? error.code : 'E_INTERNAL',
      message: error instanceof Error ? error.message : String(error),
    },
  };
}

function failingStep(error: unknown): { revision?: string; direction?: string } {
  const detail = error instanceof SwitchyardError && typeof error.detail === 'object' && error.detail !== null ? (error.detail as Record<string, unknown>) : {};
  return {
    ...(typeof detail.revision === 'string' ? { revision: detail.revision } : {}),
    ...(typeof detail.direction === 'string' ? { direction: detail.direction } : {}),
  };
}
