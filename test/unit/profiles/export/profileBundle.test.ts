import { describe, expect, it } from 'vitest';
import { openBundle, sealBundle } from '../../../../src-main/profiles/export/profileBundle';

const profiles = [
  { name: 'orders', engine: 'postgres' as const, host: 'db', port: 5432, database: 'orders', user: 'app', password: 'sécret' },
  { name: 'cache', engine: 'sqlite' as const, sqlitePath: '/tmp/cache.sqlite' },
];
const passphrase = 'a bundle passphrase for tests';

describe('the encrypted profile bundle', () => {
  it('opens with its passphrase to exactly what was sealed', async () => {
    expect(await openBundle(await sealBundle(profiles, passphrase), passphrase)).toEqual(profiles);
  });

  it('holds no profile field or password in the clear, and says its format, version, scrypt cost and cipher', async () => {
    const text = await sealBundle(profiles, passphrase);
    for (const secret of ['sécret', 'orders', '/tmp/cache.sqlite']) expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({
      format: 'switchyard-profile-bundle',
      version: 1,
      kdf: { name: 'scrypt', N: 32768, r: 8, p: 1 },
      cipher: { name: 'aes-256-gcm' },
    });
  });

  it('refuses a wrong passphrase with its own code', async () => {
    await expect(openBundle(await sealBundle(profiles, passphrase), 'not the passphrase at all')).rejects.toMatchObject({ code: 'E_BUNDLE_PASSPHRASE' });
  });

  it('refuses a bundle whose header was changed (a cheaper scrypt cost) as it refuses a wrong passphrase', async () => {
    const sealed = JSON.parse(await sealBundle(profiles, passphrase)) as { kdf: { N: number } };
    sealed.kdf.N = 1024;
    await expect(openBundle(JSON.stringify(sealed), passphrase)).rejects.toMatchObject({ code: 'E_BUNDLE_PASSPHRASE' });
  });

  it('refuses a newer version, saying to update', async () => {
    const sealed = JSON.parse(await sealBundle(profiles, passphrase)) as { version: number };
    sealed.version = 2;
    await expect(openBundle(JSON.stringify(sealed), passphrase)).rejects.toThrow(/version 2 .*update it/);
  });
});
