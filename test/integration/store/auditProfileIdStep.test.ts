// Store step 5 on a store written by the previous version (schema 4): audit entries learn the id of
// the profile they are about, the chain written before keeps verifying, and entries after it too.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../../src-main/sqliteModule';
import { AuditLog } from '../../../src-main/store/auditLog';
import { storeMigrations } from '../../../src-main/store/schema';
import { tempDir } from '../../support/tempDir';

/** An entry as schema 4 wrote it: the hash covers no profile id. */
function schema4Entry(seq: number, prevHash: string, action: string, target: string, detail: Record<string, unknown>) {
  const at = `2026-01-0${seq}T00:00:00Z`;
  const detailText = JSON.stringify(detail);
  const hash = createHash('sha256')
    .update(JSON.stringify([prevHash, seq, at, 'ana', action, target, detailText]))
    .digest('hex');
  return { sql: `INSERT INTO audit_log VALUES (${seq}, '${at}', 'ana', '${action}', '${target}', '${detailText}', '${prevHash}', '${hash}')`, hash };
}

describe('store step 5: audit entries keyed by profile id', () => {
  it('gives a schema 4 log its profile ids, keeps its chain verifying, and lists a renamed profile by id', () => {
    const db = openSqlite(join(tempDir(), 'store.db'));
    for (const migration of storeMigrations.filter((m) => m.version <= 4)) db.exec(migration.sql);
    db.exec(`INSERT INTO profiles (id, name, environment, engine, created_at, updated_at) VALUES ('p-orders', 'Orders', 'dev', 'sqlite', 'x', 'x')`);
    const created = schema4Entry(1, '0'.repeat(64), 'profile.create', 'Orders (old name)', { id: 'p-orders' });
    const run = schema4Entry(2, created.hash, 'runner.upgrade', 'Orders', {});
    const gone = schema4Entry(3, run.hash, 'runner.upgrade', 'Someone removed', {});
    db.exec([created.sql, run.sql, gone.sql].join(';'));

    db.exec(storeMigrations.find((m) => m.version === 5)?.sql ?? '');
    const audit = new AuditLog(db);
    audit.append({ actor: 'ana', action: 'snapshot.create', target: 'Orders' });

    expect(audit.list(10, 'p-orders').map((e) => [e.seq, e.target])).toEqual([
      [4, 'Orders'],
      [2, 'Orders'],
      [1, 'Orders (old name)'],
    ]);
    expect(audit.list(10).find((e) => e.seq === 3)).not.toHaveProperty('profileId');
    expect(audit.verify()).toEqual({ ok: true, entries: 4 });
    expect(() => db.exec(`UPDATE audit_log SET profile_id = 'p-other' WHERE seq = 4`)).toThrow(/append-only/);
    db.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET profile_id = 'p-other' WHERE seq = 4`);
    expect(audit.verify()).toEqual({ ok: false, entries: 4, brokenAt: 4 });
    db.close();
  });
});
