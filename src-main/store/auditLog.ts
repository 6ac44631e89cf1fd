// Append-only, hash-chained audit log: each entry carries the hash of the one before, so an edit
// made behind Switchyard's back (the triggers refuse ours) shows up in verify().
import { createHash } from 'node:crypto';
import type { AuditEntry, AuditVerification } from '../../src-shared/model/audit';
import type { StoreDatabase } from './openStore';

export interface AuditRecord {
  actor: string;
  action: string;
  target: string;
  detail?: Record<string, unknown>;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

const genesis = '0'.repeat(64);

function entryHash(prevHash: string, row: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, row.seq, row.at, row.actor, row.action, row.target, row.detail]))
    .digest('hex');
}

export class AuditLog {
  constructor(private readonly db: StoreDatabase) {}

  append(record: AuditRecord): AuditEntry {
    return this.db.transaction(() => {
      const last = this.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
        | { seq: number; hash: string }
        | undefined;
      const row = {
        seq: (last?.seq ?? 0) + 1,
        at: new Date().toISOString(),
        actor: record.actor,
        action: record.action,
        target: record.target,
        detail: JSON.stringify(record.detail ?? {}),
      };
      const prevHash = last?.hash ?? genesis;
      const hash = entryHash(prevHash, row);
      this.db
        .prepare('INSERT INTO audit_log (seq, at, actor, action, target, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(row.seq, row.at, row.actor, row.action, row.target, row.detail, prevHash, hash);
      return toEntry({ ...row, prev_hash: prevHash, hash });
    }).immediate();
  }

  /** Newest first. */
  list(limit: number): AuditEntry[] {
    const rows = this.db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?').all(limit) as AuditRow[];
    return rows.map(toEntry);
  }

  verify(): AuditVerification {
    let prevHash = genesis;
    let entries = 0;
    for (const row of this.db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<AuditRow>) {
      entries += 1;
      if (row.prev_hash !== prevHash || entryHash(prevHash, row) !== row.hash) {
        return { ok: false, entries, brokenAt: row.seq };
      }
      prevHash = row.hash;
    }
    return { ok: true, entries };
  }
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    hash: row.hash,
  };
}
