// The audit log as the UI and CLI see it: who did what, when, and whether the chain is intact.

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: Record<string, unknown>;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first entry whose hash does not follow from its predecessor, when the chain is broken. */
  brokenAt?: number;
}
