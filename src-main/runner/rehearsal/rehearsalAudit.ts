// A rehearsal in the audit log: what was rehearsed (the plan and where), how it went, the locks it saw
// in plain words and the schema change it made, so "was this rehearsed, and what did it show?" is
// answered after the fact, beside the run it preceded.
import type { AuditRecord } from '../../store/auditLog';
import { lockSentence, type Rehearsal } from '../../../src-shared/model/rehearsal';
import { allDifferences } from '../../../src-shared/schema/schemaDiff';

export function rehearsalAuditRecord(rehearsal: Rehearsal, actor: string): AuditRecord {
  const { request, steps, locks, schemaChange, failure } = rehearsal;
  return {
    actor,
    action: rehearsal.ok ? 'runner.rehearse' : 'runner.rehearse.failed',
    target: rehearsal.target,
    detail: {
      request,
      ok: rehearsal.ok,
      ...(failure ? { failure: { code: failure.code, message: failure.message } } : {}),
      clone: rehearsal.clone.how,
      revisions: steps.map((s) => `${s.direction} ${s.revision}`),
      ms: steps.map((s) => s.durationMs),
      totalMs: rehearsal.totalMs,
      locks: locks.map(lockSentence),
      locksNote: rehearsal.locksNote,
      schemaChanges: schemaChange ? allDifferences(schemaChange).length : null,
      planFingerprint: rehearsal.planFingerprint,
      schemaFingerprint: rehearsal.schemaFingerprint,
    },
  };
}
