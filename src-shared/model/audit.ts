// The audit log as the UI and CLI see it: who did what, when, and whether the chain is intact.

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  /** The profile the entry is about, kept across renames; absent for a target with no profile (a --url). */
  profileId?: string;
  detail: Record<string, unknown>;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first entry whose hash does not follow from its predecessor, when the chain is broken. */
  brokenAt?: number;
}
