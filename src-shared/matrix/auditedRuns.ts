// What Switchyard's own audit log says about one connection's runs, revision by revision: when a
// revision was last applied, by whom and (when the run recorded it) how long it took, and which
// revisions a run failed on since. The matrix fills in what a format's version table does not keep.
import type { AuditEntry } from '../model/audit';

export interface AuditedApply {
  at: string;
  by: string;
  /** Recorded by runs that keep each step's time; absent otherwise (never guessed from the run's total). */
  ms?: number;
}

export interface AuditedFailure {
  at: string;
  by: string;
  message: string;
}

export interface AuditedRuns {
  applied: Map<string, AuditedApply>;
  /** Revisions whose last run failed and that no run applied since. */
  failed: Map<string, AuditedFailure>;
}

const runAction = /^runner\.(upgrade|downgrade)(\.failed)?$/;

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** `entries`: one connection's, in any order (the log lists newest first). */
export function auditedRuns(entries: readonly AuditEntry[]): AuditedRuns {
  const applied = new Map<string, AuditedApply>();
  const failed = new Map<string, AuditedFailure>();
  const oldestFirst = [...entries].sort((a, b) => a.seq - b.seq);
  for (const entry of oldestFirst) {
    const match = runAction.exec(entry.action);
    if (!match) continue;
    const { detail } = entry;
    if (match[2]) {
      for (const id of strings(detail.completed)) {
        if (match[1] === 'upgrade') applied.set(id, { at: entry.at, by: entry.actor });
        else applied.delete(id);
        failed.delete(id);
      }
      if (typeof detail.revision === 'string' && detail.direction !== 'down') {
        failed.set(detail.revision, { at: entry.at, by: entry.actor, message: typeof detail.message === 'string' ? detail.message : 'the run failed' });
      }
      continue;
    }
    const times = Array.isArray(detail.ms) ? detail.ms : [];
    strings(detail.revisions).forEach((step, index) => {
      const space = step.indexOf(' ');
      const direction = step.slice(0, space);
      const id = step.slice(space + 1);
      failed.delete(id);
      if (direction === 'down') {
        applied.delete(id);
        return;
      }
      const ms = times[index];
      applied.set(id, { at: entry.at, by: entry.actor, ...(typeof ms === 'number' ? { ms } : {}) });
    });
  }
  return { applied, failed };
}
