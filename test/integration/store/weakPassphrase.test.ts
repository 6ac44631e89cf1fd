// The store refuses a new store under a passphrase that is easy to guess, whoever asks (CLI, host, desktop).
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { openStore, storePath } from '../../../src-main/store/openStore';
import { tempDir } from '../../support/tempDir';

const keys = (passphrase: string) => passphraseKeyProvider(passphrase, { N: 1024, r: 8, p: 1 });

describe('a new store and its passphrase', () => {
  it('refuses the passphrase "a" with the reason, and creates nothing', async () => {
    const dir = tempDir();
    const services = createServices({ dataDir: dir });
    const result = await services.dispatch('session.unlock', { passphrase: 'a' }, { actor: 'tester' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'E_WEAK_PASSPHRASE', message: expect.stringMatching(/too short: 1 of at least 12 characters.*No store was created\.$/) },
    });
    expect(readdirSync(dir)).toEqual([]);
    expect(services.session.status()).toMatchObject({ locked: true, storeExists: false });
  });

  it('creates the store under a passphrase of a few words', async () => {
    const dir = tempDir();
    const services = createServices({ dataDir: dir });
    await expect(services.session.unlock(keys('tram lime oboe'))).resolves.toMatchObject({ locked: false, storeExists: true });
    expect(existsSync(storePath(dir))).toBe(true);
    services.session.close();
  });

  it('still opens a store made before the rule, under its old short passphrase', async () => {
    const dir = tempDir();
    (await openStore(dir, keys('old'))).close();
    const services = createServices({ dataDir: dir });
    await expect(services.session.unlock(keys('old'))).resolves.toMatchObject({ locked: false });
    services.session.close();
  });
});
