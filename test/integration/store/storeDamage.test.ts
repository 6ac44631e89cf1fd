import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyCheckFileName } from '../../../src-main/store/keyCheck';
import { kdfFileName, passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { openStore, storePath } from '../../../src-main/store/openStore';
import { ProfileRepository } from '../../../src-main/store/profileRepository';
import { createServices } from '../../../src-main/services';
import { openSqlite } from '../../../src-main/sqliteModule';
import { tempDir } from '../../support/tempDir';

const keys = (passphrase: string) => passphraseKeyProvider(passphrase, { N: 1024, r: 8, p: 1 });

function fingerprint(dir: string): { files: string[]; store: string } {
  return {
    files: readdirSync(dir).sort(),
    store: createHash('sha256')
      .update(readFileSync(storePath(dir)))
      .digest('hex'),
  };
}

/** A real store with a profile and enough audit entries to span several pages, closed cleanly. */
async function storeWithData(): Promise<string> {
  const dir = tempDir();
  const db = await openStore(dir, keys('right'));
  const profiles = new ProfileRepository(db);
  for (let n = 0; n < 40; n += 1) {
    profiles.create({
      name: `profile ${n}`,
      environment: 'dev',
      engine: 'sqlite',
      host: '',
      port: 5432,
      database: '',
      user: '',
      sslMode: 'disable',
      sslCaFile: '',
      sqlitePath: `/tmp/${n}.sqlite`,
      readOnly: false,
      notes: 'x'.repeat(500),
      projectDir: '',
      projectFormat: 'auto',
      alembicCommand: '',
    });
  }
  db.close();
  return dir;
}

async function expectRefusedUntouched(dir: string, code: string, says: RegExp) {
  const before = fingerprint(dir);
  const refusal = openStore(dir, keys('right'));
  await expect(refusal).rejects.toMatchObject({ code, message: expect.stringMatching(says) });
  expect(fingerprint(dir)).toEqual(before);
}

describe('a damaged store', () => {
  it('refuses an empty store file as corrupt, with the way out, instead of starting a new store in it', async () => {
    const dir = await storeWithData();
    writeFileSync(storePath(dir), '');
    await expectRefusedUntouched(dir, 'E_STORE_CORRUPT', /is empty.*Restore a backup of .*switchyard\.db, or move it aside to start a new, empty store/);
    expect(statSync(storePath(dir)).size).toBe(0);
  });

  it('refuses a store cut short in the middle of a page', async () => {
    const dir = await storeWithData();
    truncateSync(storePath(dir), statSync(storePath(dir)).size - 1000);
    await expectRefusedUntouched(dir, 'E_STORE_CORRUPT', /cut short or overwritten/);
  });

  it('refuses a store cut short at a page boundary, whose first pages still decrypt', async () => {
    const dir = await storeWithData();
    expect(statSync(storePath(dir)).size).toBeGreaterThan(4 * 4096);
    truncateSync(storePath(dir), 2 * 4096);
    await expectRefusedUntouched(dir, 'E_STORE_CORRUPT', /integrity check/);
  });

  it('tells a store overwritten with other bytes from a wrong passphrase', async () => {
    const dir = await storeWithData();
    writeFileSync(storePath(dir), randomBytes(statSync(storePath(dir)).size));
    await expectRefusedUntouched(dir, 'E_STORE_CORRUPT', /overwritten or damaged.*Restore a backup/);
  });

  it("refuses a plain, unencrypted SQLite file in the store's place", async () => {
    const dir = await storeWithData();
    const plain = join(tempDir(), 'plain.sqlite');
    const db = openSqlite(plain);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    db.close();
    copyFileSync(plain, storePath(dir));
    await expectRefusedUntouched(dir, 'E_STORE_CORRUPT', /plain SQLite database, not an encrypted Switchyard store/);
  });

  it('says the key file is missing, not that the passphrase is wrong', async () => {
    const dir = await storeWithData();
    rmSync(join(dir, kdfFileName));
    await expectRefusedUntouched(dir, 'E_STORE_KEY_MISSING', /store\.kdf\.json is missing.*Restore .* from the same backup as the store/);
  });

  it('still calls a wrong passphrase wrong, and opens with the right one afterwards', async () => {
    const dir = await storeWithData();
    const before = fingerprint(dir);
    await expect(openStore(dir, keys('wrong'))).rejects.toMatchObject({ code: 'E_WRONG_PASSPHRASE', message: expect.stringMatching(/^Wrong passphrase/) });
    expect(fingerprint(dir)).toEqual(before);
    const db = await openStore(dir, keys('right'));
    expect(new ProfileRepository(db).list()).toHaveLength(40);
    db.close();
  });

  it('keeps a key check for a store made before checks existed, on its first successful open', async () => {
    const dir = await storeWithData();
    rmSync(join(dir, keyCheckFileName));
    await expect(openStore(dir, keys('wrong'))).rejects.toMatchObject({ code: 'E_WRONG_PASSPHRASE', message: expect.stringContaining('may be damaged') });
    (await openStore(dir, keys('right'))).close();
    writeFileSync(storePath(dir), randomBytes(statSync(storePath(dir)).size));
    await expect(openStore(dir, keys('right'))).rejects.toMatchObject({ code: 'E_STORE_CORRUPT' });
  });
});

describe('the key check', () => {
  it('does not turn the right passphrase away when the check beside the store belongs to another store', async () => {
    const dir = await storeWithData();
    const other = tempDir();
    (await openStore(other, keys('right'))).close();
    copyFileSync(join(other, keyCheckFileName), join(dir, keyCheckFileName));
    const db = await openStore(dir, keys('right'));
    expect(new ProfileRepository(db).list()).toHaveLength(40);
    db.close();
    writeFileSync(storePath(dir), randomBytes(statSync(storePath(dir)).size));
    await expect(openStore(dir, keys('right'))).rejects.toMatchObject({ code: 'E_STORE_CORRUPT' });
  });
});

describe('store file modes', () => {
  const mode = (path: string) => statSync(path).mode & 0o777;

  it('creates the store, its journal, its key file and its key check private to the user (0600)', async () => {
    const dir = tempDir();
    const db = await openStore(dir, keys('x'));
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
    const files = readdirSync(dir);
    expect(files).toEqual(expect.arrayContaining(['switchyard.db', 'switchyard.db-wal', 'switchyard.db-shm', kdfFileName, keyCheckFileName]));
    for (const file of files) expect(mode(join(dir, file)), file).toBe(0o600);
    db.close();
  });

  it('makes a store left readable by others (an older version, a copy) private again when it opens', async () => {
    const dir = await storeWithData();
    chmodSync(storePath(dir), 0o644);
    chmodSync(join(dir, kdfFileName), 0o644);
    const db = await openStore(dir, keys('right'));
    expect(mode(storePath(dir))).toBe(0o600);
    expect(mode(join(dir, kdfFileName))).toBe(0o600);
    db.close();
  });
});

describe("a damaged store at the desktop app's start", () => {
  it('stays locked and says why on the unlock screen, instead of failing to start', async () => {
    const dir = await storeWithData();
    writeFileSync(storePath(dir), '');
    const services = createServices({ dataDir: dir, keySource: 'keyring' });
    await services.session.unlockAtStart(keys('right'));
    const status = await services.dispatch('session.status', {}, { actor: 'tester' });
    expect(status).toMatchObject({
      ok: true,
      value: { locked: true, storeExists: true, reason: expect.stringMatching(/is empty.*Restore a backup.*\[E_STORE_CORRUPT\]$/) },
    });
    expect(statSync(storePath(dir)).size).toBe(0);
  });
});
