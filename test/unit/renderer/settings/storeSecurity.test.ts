// Store and security from the window, on the real services: a new passphrase with the window unlocked
// throughout, a wrong current one refused beside its section, a backup and a restore that brings the
// connection list back to the backup's, and the keychain said to be out of reach where there is none.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { useConnections } from '../../../../src-renderer/features/connections/connectionsStore';
import { useSession } from '../../../../src-renderer/features/session/sessionStore';
import { useStoreSecurity } from '../../../../src-renderer/features/settings/storeSecurityStore';
import { passphraseKeyProvider } from '../../../../src-main/store/keyProvider';
import { openStore } from '../../../../src-main/store/openStore';
import { openServices } from '../support/servicesBridge';
import { tempDir } from '../../../support/tempDir';

const storePassphrase = 'renderer test';

describe('Store and security', () => {
  it('changes the passphrase with the window unlocked; a wrong current passphrase is refused and said beside its section', async () => {
    const services = await openServices();
    const security = useStoreSecurity.getState();
    security.show();
    await useStoreSecurity.getState().load();
    expect(useStoreSecurity.getState().security).toMatchObject({ keySource: 'passphrase', storeDir: services.dataDir });

    expect(await security.changePassphrase('not the passphrase at all', 'a brand new store passphrase')).toBe(false);
    expect(useStoreSecurity.getState().failure).toMatchObject({ action: 'changePassphrase', error: { code: 'E_WRONG_PASSPHRASE' } });

    expect(await security.changePassphrase(storePassphrase, 'a brand new store passphrase')).toBe(true);
    expect(useStoreSecurity.getState().done?.text).toContain('opens with the new passphrase');
    expect(services.session.status().locked).toBe(false);
    expect((await call('session.status', {})).locked).toBe(false);
    await expect(openStore(services.dataDir, passphraseKeyProvider(storePassphrase))).rejects.toMatchObject({ code: 'E_WRONG_PASSPHRASE' });
  });

  it('backs up, then restores: the connection list is the backup’s again, and the store it replaced is kept', async () => {
    await openServices();
    await call('profiles.create', { profile: { name: 'kept', environment: 'dev', engine: 'sqlite', sqlitePath: '/tmp/kept.sqlite' } });
    const file = join(tempDir(), 'store.backup');
    const security = useStoreSecurity.getState();
    expect(await security.backup(file, false)).toBe(true);
    expect(useStoreSecurity.getState().done?.text).toContain(`${file}.keys.json`);
    expect(await security.backup(file, false)).toBe(false);
    expect(useStoreSecurity.getState().failure?.error.code).toBe('E_FILE_EXISTS');

    await call('profiles.create', { profile: { name: 'made after', environment: 'dev', engine: 'sqlite', sqlitePath: '/tmp/after.sqlite' } });
    await useConnections.getState().load();
    expect(useConnections.getState().profiles.map((p) => p.name)).toEqual(['kept', 'made after']);

    expect(await security.restore(file, storePassphrase)).toBe(true);
    expect(useStoreSecurity.getState().done?.text).toMatch(/kept in .*before-restore-/);
    expect(useConnections.getState().profiles.map((p) => p.name)).toEqual(['kept']);
    expect(useSession.getState().status?.locked).toBe(false);
  });

  it('says the OS keychain cannot keep the key here, and changes nothing when asked', async () => {
    await openServices();
    useStoreSecurity.getState().show();
    await useStoreSecurity.getState().load();
    expect(useStoreSecurity.getState().security?.keychain).toMatchObject({ available: false });
    expect(await useStoreSecurity.getState().useKeychain(storePassphrase)).toBe(false);
    expect(useStoreSecurity.getState().failure?.error.code).toBe('E_KEYCHAIN_UNAVAILABLE');
    expect(useStoreSecurity.getState().security?.keySource).toBe('passphrase');
  });
});
