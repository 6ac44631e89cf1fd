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
      code: error instanceof SwitchyardError ? error.code : 'E_INTERNAL',
      message: error instanceof Error ? error.message : String(error),
    },
  };
}
