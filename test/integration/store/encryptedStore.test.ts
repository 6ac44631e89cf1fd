import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../../src-main/store/auditLog';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { openStore, storePath } from '../../../src-main/store/openStore';
import { ProfileRepository } from '../../../src-main/store/profileRepository';
import { storeSchemaVersion } from '../../../src-main/store/schema';
import { createServices } from '../../../src-main/services';
import { tempDir } from '../../support/tempDir';

// Cheap scrypt for tests: the cost is a parameter of the file, so this exercises the same code.
const keys = (passphrase: string) => passphraseKeyProvider(passphrase, { N: 1024, r: 8, p: 1 });

function digest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

describe('encrypted store', () => {
  it('keeps host, user and password out of every file on disk (database, WAL, journal)', async () => {
    const dir = tempDir();
    const services = createServices({ dataDir: dir });
    await services.session.unlock(keys('store passphrase'));
    const secret = { host: 'zq-host-7f3a9.internal', user: 'zq_user_51be', password: 'zq-Pa55-w0rd-c8d1' };
    const profile = services.profiles.create(
      {
        name: 'Secret-bearing',
        environment: 'prod',
        engine: 'postgres',
        ...secret,
        port: 5432,
        database: 'zq_db_e2c4',
        sslMode: 'require',
        sslCaFile: '',
        sqlitePath: '',
        readOnly: false,
        notes: '',
        projectDir: '',
        projectFormat: 'auto',
        alembicCommand: '',
        password: secret.password,
      },
      'tester',
    );
    services.profiles.update(profile.id, { ...profile, password: `${secret.password}-rotated` }, 'tester');
    // Leave the WAL un-checkpointed on purpose: its frames must be encrypted too.
    const files = readdirSync(dir).map((name) => join(dir, name));
    expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const needle of [...Object.values(secret), `${secret.password}-rotated`, 'Secret-bearing']) {
        expect(bytes.includes(Buffer.from(needle)), `${needle} in ${file}`).toBe(false);
      }
    }
    services.close();
    for (const file of readdirSync(dir).map((name) => join(dir, name))) {
      expect(readFileSync(file).includes(Buffer.from(secret.password)), file).toBe(false);
    }
  });

  it('refuses a wrong passphrase with a clear error and leaves the file byte-for-byte untouched', async () => {
    const dir = tempDir();
    const db = await openStore(dir, keys('right'));
    new ProfileRepository(db).create({
      name: 'a',
      environment: 'dev',
      engine: 'sqlite',
      host: '',
      port: 5432,
      database: '',
      user: '',
      sslMode: 'disable',
      sslCaFile: '',
      sqlitePath: '/tmp/a.sqlite',
      readOnly: false,
      notes: '',
      projectDir: '',
      projectFormat: 'auto',
      alembicCommand: '',
    });
    db.close();
    const before = { hash: digest(storePath(dir)), mtime: statSync(storePath(dir)).mtimeMs, files: readdirSync(dir).sort() };

    await expect(openStore(dir, keys('wrong'))).rejects.toMatchObject({ code: 'E_WRONG_PASSPHRASE', message: expect.stringContaining('Wrong passphrase') });

    expect(digest(storePath(dir))).toBe(before.hash);
    expect(statSync(storePath(dir)).mtimeMs).toBe(before.mtime);
    expect(readdirSync(dir).sort()).toEqual(before.files);
    const reopened = await openStore(dir, keys('right'));
    expect(new ProfileRepository(reopened).list().map((p) => p.name)).toEqual(['a']);
    reopened.close();
  });

  it('is migrated to the current schema version at open', async () => {
    const dir = tempDir();
    const db = await openStore(dir, keys('x'));
    expect(db.pragma('user_version', { simple: true })).toBe(storeSchemaVersion);
    db.close();
  });

  it('refuses a store written by a newer Switchyard instead of guessing', async () => {
    const dir = tempDir();
    const db = await openStore(dir, keys('x'));
    db.pragma(`user_version = ${storeSchemaVersion + 1}`);
    db.close();
    await expect(openStore(dir, keys('x'))).rejects.toMatchObject({ code: 'E_STORE_CORRUPT', message: expect.stringContaining('newer Switchyard') });
  });

  it('keeps an append-only audit log whose hash chain verifies', async () => {
    const dir = tempDir();
    const db = await openStore(dir, keys('x'));
    const audit = new AuditLog(db);
    audit.append({ actor: 'alice via cli', action: 'profile.create', target: 'one' });
    audit.append({ actor: 'alice via cli', action: 'profile.remove', target: 'one' });
    expect(audit.verify()).toEqual({ ok: true, entries: 2 });
    expect(() => db.prepare("UPDATE audit_log SET actor = 'mallory'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    // An edit made behind our back (triggers dropped) breaks the chain at that entry.
    db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET target = 'two' WHERE seq = 1");
    expect(audit.verify()).toEqual({ ok: false, entries: 1, brokenAt: 1 });
    db.close();
  });
});
