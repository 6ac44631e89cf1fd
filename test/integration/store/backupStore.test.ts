// switchyard store backup|restore through the real CLI: an encrypted copy with the same key, and a
// restore that checks the backup before it replaces anything and keeps the store it replaces.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileInputSchema } from '../../../src-shared/model/profile';
import { createServices } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { openStore } from '../../../src-main/store/openStore';
import { ProfileRepository } from '../../../src-main/store/profileRepository';
import { Cli, output } from '../../support/cliProcess';
import { tempDir } from '../../support/tempDir';

const passphrase = 'the backed up store passphrase';
const keys = (text: string) => passphraseKeyProvider(text, { N: 1024, r: 8, p: 1 });

async function storeWith(names: string[]): Promise<string> {
  const home = tempDir();
  const services = createServices({ dataDir: home });
  await services.session.unlock(keys(passphrase));
  for (const name of names)
    services.profiles.create(profileInputSchema.parse({ name, environment: 'dev', engine: 'sqlite', sqlitePath: `/tmp/${name}.sqlite` }), 'test');
  services.close();
  return home;
}

async function profilesIn(dir: string): Promise<string[]> {
  const db = await openStore(dir, keys(passphrase));
  try {
    return new ProfileRepository(db).list().map((p) => p.name);
  } finally {
    db.close();
  }
}

const digests = (home: string) =>
  Object.fromEntries(
    ['switchyard.db', 'store.kdf.json', 'store.keycheck'].map((name) => [
      name,
      createHash('sha256')
        .update(readFileSync(join(home, name)))
        .digest('hex'),
    ]),
  );

describe('switchyard store backup and restore', () => {
  it('backs up with the same key (0600, its key file beside it) and restores it, keeping the store it replaced', async () => {
    const home = await storeWith(['orders']);
    const cli = new Cli({ SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase });
    const file = join(tempDir(), 'store.backup');
    const backup = await cli.run(['store', 'backup', file]);
    expect(backup.stdout, output(backup)).toContain(`Backed up the store to ${file} (keep ${file}.keys.json beside it).`);
    for (const path of [file, `${file}.keys.json`]) expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');

    const services = createServices({ dataDir: home });
    await services.session.unlock(keys(passphrase));
    services.profiles.create(profileInputSchema.parse({ name: 'added later', environment: 'dev', engine: 'sqlite', sqlitePath: '/tmp/later.sqlite' }), 'test');
    services.close();

    const restore = await cli.run(['store', 'restore', file, '--json']);
    expect(restore.code, output(restore)).toBe(0);
    const { keptAside } = JSON.parse(restore.stdout) as { keptAside: string };
    expect(await profilesIn(home)).toEqual(['orders']);
    expect((await profilesIn(keptAside)).sort()).toEqual(['added later', 'orders']);
  });

  it('refuses a passphrase that does not open the backup, a backup without its key file, and a store open elsewhere, changing nothing', async () => {
    const home = await storeWith(['orders']);
    const file = join(tempDir(), 'store.backup');
    expect((await new Cli({ SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase }).run(['store', 'backup', file])).code).toBe(0);
    const target = await storeWith(['other']);
    const before = digests(target);
    const cli = (text: string) => new Cli({ SWITCHYARD_HOME: target, SWITCHYARD_PASSPHRASE: text });

    const wrong = await cli('not the backup passphrase').run(['store', 'restore', file]);
    expect(wrong.stderr, output(wrong)).toContain(`That passphrase does not open the backup ${file}`);
    expect(wrong.stderr).toContain('[E_WRONG_PASSPHRASE]');

    const services = createServices({ dataDir: target });
    await services.session.unlock(keys(passphrase));
    const held = await cli(passphrase).run(['store', 'restore', file]);
    expect(held.stderr).toContain('[E_LOCK_HELD]');
    services.close();

    rmSync(`${file}.keys.json`);
    const keyless = await cli(passphrase).run(['store', 'restore', file]);
    expect(keyless.stderr).toContain(`The backup's key file ${file}.keys.json is missing`);
    expect(keyless.stderr).toContain('[E_STORE_KEY_MISSING]');

    expect(digests(target)).toEqual(before);
    expect(readdirSync(target).filter((name) => name.startsWith('before-restore') || name.includes('rekey'))).toEqual([]);
  });
});
