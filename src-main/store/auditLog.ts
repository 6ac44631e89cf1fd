// Append-only, hash-chained audit log: each entry carries the hash of the one before, so an edit
// made behind Switchyard's back (the triggers refuse ours) shows up in verify().
import { createHash } from 'node:crypto';
import type { AuditEntry, AuditVerification } from '../../src-shared/model/audit';
import type { StoreDatabase } from './openStore';

export interface AuditRecord {
  actor: string;
  action: string;
  target: string;
  /** The profile the entry is about; when left out, the profile currently named `target`, if any. */
  profileId?: string;
  detail?: Record<string, unknown>;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  profile_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

const genesis = '0'.repeat(64);

/** Entries from this seq on have their profile id hashed (store step 5); older ones were hashed without it. */
function profileIdHashedFrom(db: StoreDatabase): number {
  const setting = db.prepare("SELECT value FROM settings WHERE key = 'audit.profileIdHashedFrom'").get() as { value: string } | undefined;
  return setting ? Number(setting.value) : 1;
}

function entryHash(prevHash: string, row: Omit<AuditRow, 'prev_hash' | 'hash'>, withProfileId: boolean): string {
  const fields = [prevHash, row.seq, row.at, row.actor, row.action, row.target, row.detail];
  return createHash('sha256')
    .update(JSON.stringify(withProfileId ? [...fields, row.profile_id] : fields))
    .digest('hex');
}

export class AuditLog {
  constructor(private readonly db: StoreDatabase) {}

  append(record: AuditRecord): AuditEntry {
    return this.db
      .transaction(() => {
        const last = this.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
        const named = this.db.prepare('SELECT id FROM profiles WHERE name = ?').get(record.target) as { id: string } | undefined;
        const row = {
          seq: (last?.seq ?? 0) + 1,
          at: new Date().toISOString(),
          actor: record.actor,
          action: record.action,
          target: record.target,
          profile_id: record.profileId ?? named?.id ?? null,
          detail: JSON.stringify(record.detail ?? {}),
        };
        const prevHash = last?.hash ?? genesis;
        const hash = entryHash(prevHash, row, true);
        this.db
          .prepare('INSERT INTO audit_log (seq, at, actor, action, target, profile_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(row.seq, row.at, row.actor, row.action, row.target, row.profile_id, row.detail, prevHash, hash);
        return toEntry({ ...row, prev_hash: prevHash, hash });
      })
      .immediate();
  }

  /** Newest first; only the entries about one profile (whatever it was named then) when `profileId` is given. */
  list(limit: number, profileId?: string): AuditEntry[] {
    const rows = (
      profileId === undefined
        ? this.db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?').all(limit)
        : this.db.prepare('SELECT * FROM audit_log WHERE profile_id = ? ORDER BY seq DESC LIMIT ?').all(profileId, limit)
    ) as AuditRow[];
    return rows.map(toEntry);
  }

  verify(): AuditVerification {
    const hashedFrom = profileIdHashedFrom(this.db);
    let prevHash = genesis;
    let entries = 0;
    for (const row of this.db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<AuditRow>) {
      entries += 1;
      if (row.prev_hash !== prevHash || entryHash(prevHash, row, row.seq >= hashedFrom) !== row.hash) {
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
    ...(row.profile_id === null ? {} : { profileId: row.profile_id }),
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    hash: row.hash,
  };
}
