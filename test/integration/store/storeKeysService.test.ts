// The store's keys and copies from the app, through the API's dispatcher as the window calls it: a new
// passphrase with the window staying unlocked, the key moved to the OS keychain (the stand-in for
// Electron's safeStorage, which really wraps) and back, a backup and a restore, and a restore refused
// while a real `switchyard serve` has the store open. Nothing refused changes a file.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiInput, ApiMethod, ApiOutput } from '../../../src-shared/api';
import type { WireError } from '../../../src-shared/errors';
import { profileInputSchema } from '../../../src-shared/model/profile';
import { keyringKeyProvider } from '../../../src-main/electron/keyring';
import { createServices, type Services } from '../../../src-main/services';
import { passphraseKeyProvider, type KeyProvider } from '../../../src-main/store/keyProvider';
import { openStore } from '../../../src-main/store/openStore';
import { ProfileRepository } from '../../../src-main/store/profileRepository';
import { otherHolders } from '../../../src-main/store/storeHolders';
import { Cli } from '../../support/cliProcess';
import { tempDir } from '../../support/tempDir';

const passphrase = 'the first store passphrase';
const cheap = (text: string) => passphraseKeyProvider(text, { N: 1024, r: 8, p: 1 });

// A keychain that wraps: the key is XORed with a pad, so store.key never holds the key itself (as test/support/electronStandIn.cjs).
const pad = Buffer.from('switchyard-stand-in-keychain-pad');
const xor = (bytes: Buffer) => Buffer.from(bytes.map((b, i) => b ^ (pad[i % pad.length] as number)));
const safeStorage = {
  encryptStringAsync: async (text: string) => xor(Buffer.from(text, 'utf8')),
  decryptStringAsync: async (bytes: Buffer) => ({ result: xor(bytes).toString('utf8'), shouldReEncrypt: false }),
} as unknown as Parameters<typeof keyringKeyProvider>[0];
const keychain = keyringKeyProvider(safeStorage);

async function unlocked(options: { keychain?: boolean; home?: string } = {}): Promise<Services> {
  const home = options.home ?? tempDir();
  const services = createServices({ dataDir: home, ...(options.keychain ? { keychain: { keys: keychain } } : {}) });
  await services.session.unlock(cheap(passphrase));
  return services;
}

async function call<M extends ApiMethod>(services: Services, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const result = await services.dispatch(method, input, { actor: 'tester via desktop' });
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as ApiOutput<M>;
}

async function refusal<M extends ApiMethod>(services: Services, method: M, input: ApiInput<M>): Promise<WireError> {
  const result = await services.dispatch(method, input, { actor: 'tester via desktop' });
  if (result.ok) throw new Error(`${method} was not refused`);
  return result.error;
}

function addProfile(services: Services, name: string): void {
  services.profiles.create(profileInputSchema.parse({ name, environment: 'dev', engine: 'sqlite', sqlitePath: `/tmp/${name}.sqlite` }), 'test');
}

/** What a key provider opens in a closed store: its profile names, or the refusal's code. */
async function opensWith(home: string, keys: KeyProvider): Promise<string[] | string> {
  try {
    const db = await openStore(home, keys);
    try {
      return new ProfileRepository(db).list().map((p) => p.name);
    } finally {
      db.close();
    }
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

const digests = (home: string) =>
  Object.fromEntries(
    readdirSync(home)
      .filter((name) => name.startsWith('switchyard.db') || name.startsWith('store.k'))
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(home, name)))
          .digest('hex'),
      ]),
  );

describe('the store’s keys from the app', () => {
  it('changes the passphrase while the window stays unlocked; the old one is refused after, and the change is audited', async () => {
    const services = await unlocked();
    addProfile(services, 'orders');
    const security = await call(services, 'store.changePassphrase', { current: passphrase, next: 'the second store passphrase' });
    expect(security.keySource).toBe('passphrase');
    expect(services.session.status().locked).toBe(false);
    expect((await call(services, 'profiles.list', {})).map((p) => p.name)).toEqual(['orders']);
    expect((await call(services, 'audit.list', { limit: 5 })).map((e) => e.action)).toContain('store.rekey');
    services.close();
    expect(await opensWith(services.dataDir, cheap(passphrase))).toBe('E_WRONG_PASSPHRASE');
    expect(await opensWith(services.dataDir, passphraseKeyProvider('the second store passphrase'))).toEqual(['orders']);
  });

  it('refuses a wrong current passphrase, a weak new one and the same one, with the store open and every file as it was', async () => {
    const services = await unlocked();
    const before = digests(services.dataDir);
    expect((await refusal(services, 'store.changePassphrase', { current: 'not the passphrase at all', next: 'the second store passphrase' })).code).toBe(
      'E_WRONG_PASSPHRASE',
    );
    expect((await refusal(services, 'store.changePassphrase', { current: passphrase, next: 'aaaaaaaaaaaaaaaa' })).code).toBe('E_WEAK_PASSPHRASE');
    expect((await refusal(services, 'store.changePassphrase', { current: passphrase, next: passphrase })).message).toContain('is the current one');
    expect(services.session.status().locked).toBe(false);
    expect(digests(services.dataDir)).toEqual(before);
    services.close();
  });

  it('moves the key to the OS keychain and back to a passphrase, each opening the store alone', async () => {
    const services = await unlocked({ keychain: true });
    addProfile(services, 'billing');
    expect((await call(services, 'store.security', {})).keychain).toEqual({ available: true });
    expect((await refusal(services, 'store.useKeychain', { current: 'not the passphrase at all' })).code).toBe('E_WRONG_PASSPHRASE');

    const toKeychain = await call(services, 'store.useKeychain', { current: passphrase });
    expect(toKeychain.keySource).toBe('keyring');
    expect((await call(services, 'profiles.list', {})).map((p) => p.name)).toEqual(['billing']);
    const home = services.dataDir;
    expect(existsSync(join(home, 'store.key'))).toBe(true);
    expect(existsSync(join(home, 'store.kdf.json'))).toBe(false);
    // A passphrase no longer opens it, and says why: the key is the keychain's.
    const refused = await openStore(home, cheap(passphrase)).catch((error: { code: string; message: string }) => error);
    expect(refused).toMatchObject({ code: 'E_STORE_KEY_MISSING', message: expect.stringContaining("kept by the desktop app's OS keychain") });
    expect((await refusal(services, 'store.changePassphrase', { current: passphrase, next: 'the second store passphrase' })).message).toContain(
      "opens with the OS keychain's key",
    );

    // Locked (Lock now, the idle lock), it opens again with the keychain's key, no passphrase asked.
    expect((await call(services, 'session.lock', {})).keySource).toBe('keyring');
    expect(await call(services, 'session.unlockWithKeychain', {})).toMatchObject({ locked: false, keySource: 'keyring' });
    // The CLI says how the store is kept, and that a passphrase cannot open it while the keychain keeps its key.
    const cli = new Cli({ SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase });
    const status = await cli.run(['store', 'status']);
    expect(status.stdout).toContain("its key is kept by the desktop app's OS keychain");
    expect(status.stdout).toContain(`(pid ${process.pid})`);
    const listed = await cli.run(['profiles', 'list']);
    expect(listed.code).toBe(1);
    expect(listed.stderr).toContain('switch it to a passphrase in the app (Store and security › Use a passphrase instead)');

    const toPassphrase = await call(services, 'store.usePassphrase', { passphrase: 'a passphrase again at last' });
    expect(toPassphrase.keySource).toBe('passphrase');
    expect((await call(services, 'audit.list', { limit: 5 })).filter((e) => e.action === 'store.keySource').map((e) => e.detail)).toEqual([
      { to: 'passphrase' },
      { to: 'keyring' },
    ]);
    services.close();
    expect(existsSync(join(home, 'store.key'))).toBe(false);
    expect(await opensWith(home, keychain)).toBe('E_STORE_KEY_MISSING');
    expect(await opensWith(home, passphraseKeyProvider('a passphrase again at last'))).toEqual(['billing']);
    expect(JSON.parse((await cli.run(['store', 'status', '--json'])).stdout)).toMatchObject({ keySource: 'passphrase', exists: true });
  });

  it('says the keychain cannot be used where there is none (the browser host, the CLI)', async () => {
    const services = await unlocked();
    const security = await call(services, 'store.security', {});
    expect(security.keychain).toMatchObject({ available: false, reason: expect.stringContaining('desktop app') });
    const before = digests(services.dataDir);
    expect((await refusal(services, 'store.useKeychain', { current: passphrase })).code).toBe('E_KEYCHAIN_UNAVAILABLE');
    expect((await refusal(services, 'session.unlockWithKeychain', {})).code).toBe('E_KEYCHAIN_UNAVAILABLE');
    expect(digests(services.dataDir)).toEqual(before);
    services.close();
  });

  it('backs up and restores from the app: an existing file kept without replace, the restore confirmed, its passphrase checked, the replaced store kept aside', async () => {
    const services = await unlocked();
    addProfile(services, 'orders');
    const file = join(tempDir(), 'store.backup');
    const backup = await call(services, 'store.backup', { file });
    expect(backup.keysFile).toBe(`${file}.keys.json`);
    expect((await refusal(services, 'store.backup', { file })).code).toBe('E_FILE_EXISTS');
    await call(services, 'store.backup', { file, replace: true });
    addProfile(services, 'added after the backup');

    expect((await refusal(services, 'store.restore', { file, passphrase })).code).toBe('E_CONFIRMATION_REQUIRED');
    expect((await refusal(services, 'store.restore', { file, passphrase: 'not the passphrase at all', replaceStore: true })).code).toBe('E_WRONG_PASSPHRASE');
    expect(services.session.status().locked).toBe(false);
    expect((await call(services, 'profiles.list', {})).map((p) => p.name)).toEqual(['added after the backup', 'orders']);

    const restored = await call(services, 'store.restore', { file, passphrase, replaceStore: true });
    expect(restored.keptAside).toMatch(/before-restore-/);
    expect((await call(services, 'profiles.list', {})).map((p) => p.name)).toEqual(['orders']);
    expect((await call(services, 'audit.list', { limit: 3 })).map((e) => e.action)).toContain('store.restore');
    services.close();
    expect(await opensWith(restored.keptAside as string, cheap(passphrase))).toEqual(['added after the backup', 'orders']);
  });

  it('refuses a restore while switchyard serve has the store open, naming it, and changes nothing', async () => {
    const services = await unlocked();
    addProfile(services, 'orders');
    const file = join(tempDir(), 'store.backup');
    await call(services, 'store.backup', { file });
    const renderer = tempDir();
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Switchyard</title>');
    let stop = () => undefined as void;
    const served = new Cli({ SWITCHYARD_HOME: services.dataDir, SWITCHYARD_PASSPHRASE: passphrase }).killWhen(
      new Promise<void>((resolve) => (stop = resolve)),
      ['serve', '--no-demo', '--renderer', renderer],
    );
    for (let waited = 0; otherHolders(services.dataDir).length === 0; waited += 100) {
      if (waited > 60_000) throw new Error('switchyard serve never opened the store');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const before = digests(services.dataDir);
    const refused = await refusal(services, 'store.restore', { file, passphrase, replaceStore: true });
    expect(refused.code).toBe('E_LOCK_HELD');
    expect(refused.message).toContain('switchyard serve');
    expect((await call(services, 'store.security', {})).otherHolders.map((h) => h.what)).toEqual(['switchyard serve']);
    expect((await refusal(services, 'store.changePassphrase', { current: passphrase, next: 'the second store passphrase' })).code).toBe('E_LOCK_HELD');
    expect(digests(services.dataDir)).toEqual(before);
    expect(services.session.status().locked).toBe(false);
    stop();
    await served;
    services.close();
  });
});
