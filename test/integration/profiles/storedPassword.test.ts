import { afterEach, describe, expect, inject, it } from 'vitest';
import type { ValidProfileInput } from '../../../src-shared/model/profile';
import { actorName, createServices, type Services } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { startPasswordCatcher, type PasswordCatcher } from '../../support/passwordCatcher';
import { tempDir } from '../../support/tempDir';

const pg = inject('postgres');
const secret = 'Stored-Secret-4471';

let catcher: PasswordCatcher | undefined;
let services: Services | undefined;
afterEach(async () => {
  services?.close();
  await catcher?.close();
  services = undefined;
  catcher = undefined;
});

async function open(): Promise<Services> {
  services = createServices({ dataDir: tempDir() });
  await services.session.unlock(passphraseKeyProvider('stored password', { N: 1024, r: 8, p: 1 }));
  return services;
}

const base: ValidProfileInput = {
  name: 'orders',
  environment: 'staging',
  engine: 'postgres',
  host: '127.0.0.1',
  port: 5432,
  database: 'orders',
  user: 'app',
  sslMode: 'disable',
  sslCaFile: '',
  sqlitePath: '',
  readOnly: false,
  notes: '',
  projectDir: '',
  projectFormat: 'auto',
  alembicCommand: '',
};

async function savedProfileAt(s: Services, port: number) {
  const result = await s.dispatch('profiles.create', { profile: { ...base, port, password: secret } }, { actor: actorName('browser') });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as { id: string };
}

describe('a stored password', () => {
  it('is sent to the address it was saved for', async () => {
    const s = await open();
    catcher = await startPasswordCatcher();
    const { id } = await savedProfileAt(s, catcher.port);
    const result = await s.dispatch('profiles.test', { id }, { actor: 'tester' });
    expect(result).toMatchObject({ ok: false, error: { code: 'E_AUTH_FAILED' } });
    expect(catcher.received).toEqual([secret]);
  });

  it.each([
    ['port', (port: number) => ({ port })],
    ['host', (port: number) => ({ host: 'localhost', port })],
    ['database', (port: number) => ({ database: 'other', port })],
    ['user', (port: number) => ({ user: 'postgres', port })],
  ])('is not sent when the test overrides the %s, and the failure says why', async (_field, override) => {
    const s = await open();
    const saved = await startPasswordCatcher();
    catcher = await startPasswordCatcher();
    const { id } = await savedProfileAt(s, saved.port);
    await saved.close();
    const result = await s.dispatch('profiles.test', { id, profile: { ...base, ...override(catcher.port) } }, { actor: 'tester' });
    expect(catcher.received).not.toContain(secret);
    expect(result).toMatchObject({ ok: false, error: { code: 'E_AUTH_FAILED', message: expect.stringContaining('The saved password was not sent') } });
  });

  it('is not sent when a test turns TLS verification off for the same address', async () => {
    const s = await open();
    catcher = await startPasswordCatcher();
    const created = await s.dispatch(
      'profiles.create',
      { profile: { ...base, port: catcher.port, sslMode: 'require', password: secret } },
      { actor: 'tester' },
    );
    const { id } = (created as { value: { id: string } }).value;
    await s.dispatch('profiles.test', { id, profile: { ...base, port: catcher.port, sslMode: 'disable' } }, { actor: 'tester' });
    expect(catcher.received).not.toContain(secret);
  });

  it('can still be replaced by a typed one for the new address', async () => {
    const s = await open();
    catcher = await startPasswordCatcher();
    const { id } = await savedProfileAt(s, pg.port);
    await s.dispatch('profiles.test', { id, profile: { ...base, port: catcher.port, password: 'typed-now' } }, { actor: 'tester' });
    expect(catcher.received).toEqual(['typed-now']);
  });

  it('stays with its address when the connection is edited: a new address needs the password again', async () => {
    const s = await open();
    catcher = await startPasswordCatcher();
    const { id } = await savedProfileAt(s, pg.port);
    const retargeted = await s.dispatch('profiles.update', { id, profile: { ...base, port: catcher.port } }, { actor: 'tester' });
    expect(retargeted).toMatchObject({ ok: false, error: { code: 'E_PASSWORD_REQUIRED', message: expect.stringContaining('Nothing was changed') } });
    expect(s.profiles.get(id)).toMatchObject({ port: pg.port, hasPassword: true });
    await s.dispatch('profiles.test', { id }, { actor: 'tester' });
    expect(catcher.received).toEqual([]);

    const renamed = await s.dispatch('profiles.update', { id, profile: { ...base, port: pg.port, name: 'orders (renamed)' } }, { actor: 'tester' });
    expect(renamed).toMatchObject({ ok: true, value: { name: 'orders (renamed)', hasPassword: true } });
    const moved = await s.dispatch(
      'profiles.update',
      { id, profile: { ...base, port: catcher.port, password: 'typed-for-the-new-address' } },
      { actor: 'tester' },
    );
    expect(moved).toMatchObject({ ok: true, value: { port: catcher.port, hasPassword: true } });
    await s.dispatch('profiles.test', { id }, { actor: 'tester' });
    expect(catcher.received).toEqual(['typed-for-the-new-address']);
  });
});
