// switchyard store rekey through the real CLI: the old passphrase refused after, the new one opening
// the store with everything in it, and a rekey SIGKILLed at each point of its swap leaving a store that
// opens with one passphrase or the other (the pause points are rekeyPause.ts's, reached by a real run).
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileInputSchema } from '../../../src-shared/model/profile';
import { createServices } from '../../../src-main/services';
import { AuditLog } from '../../../src-main/store/auditLog';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { openStore } from '../../../src-main/store/openStore';
import { ProfileRepository } from '../../../src-main/store/profileRepository';
import type { SwapPoint } from '../../../src-main/store/rekeyPause';
import { Cli, output } from '../../support/cliProcess';
import { tempDir } from '../../support/tempDir';

const oldPassphrase = 'the old store passphrase';
const newPassphrase = 'the new store passphrase';
// Cheap scrypt for the store made here: the cost is in its kdf file, so the CLI reads it the same way.
const keys = (passphrase: string) => passphraseKeyProvider(passphrase, { N: 1024, r: 8, p: 1 });

let template: string;

/** What a passphrase opens: the store's profile names and audit actions, or the refusal's code. */
async function opensWith(home: string, passphrase: string): Promise<{ profiles: string[]; actions: string[] } | string> {
  try {
    const db = await openStore(home, keys(passphrase));
    try {
      return { profiles: new ProfileRepository(db).list().map((p) => p.name), actions: new AuditLog(db).list(100).map((e) => e.action) };
    } finally {
      db.close();
    }
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

function storeCopy(): string {
  const home = tempDir();
  cpSync(template, home, { recursive: true });
  return home;
}

function rekeyCli(home: string, env: Record<string, string> = {}): Cli {
  return new Cli({ SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: oldPassphrase, SWITCHYARD_NEW_PASSPHRASE: newPassphrase, ...env });
}

function fingerprint(home: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(home)
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(home, name)))
          .digest('hex'),
      ]),
  );
}

function appears(path: string): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(join(path, '..'), () => {
      if (!existsSync(path)) return;
      watcher.close();
      resolve();
    });
  });
}

beforeAll(async () => {
  template = mkdtempSync(join(tmpdir(), 'switchyard-rekey-'));
  const services = createServices({ dataDir: template });
  await services.session.unlock(keys(oldPassphrase));
  services.profiles.create(profileInputSchema.parse({ name: 'orders', environment: 'prod', engine: 'sqlite', sqlitePath: '/tmp/orders.sqlite' }), 'test');
  services.close();
});

afterAll(() => rmSync(template, { recursive: true, force: true }));

describe('switchyard store rekey', () => {
  it('changes the passphrase: the old one is refused after, the new one opens the store with its profiles, and the change is audited', async () => {
    const home = storeCopy();
    const run = await rekeyCli(home).run(['store', 'rekey']);
    expect(run.code, output(run)).toBe(0);
    expect(run.stdout).toContain('The store now opens with the new passphrase');
    expect(await opensWith(home, oldPassphrase)).toBe('E_WRONG_PASSPHRASE');
    expect(await opensWith(home, newPassphrase)).toEqual({ profiles: ['orders'], actions: ['store.rekey', 'profile.create'] });
    expect(readdirSync(home).filter((name) => name.includes('rekey'))).toEqual([]);
  });

  it('refuses a wrong old passphrase and a weak new one, leaving every file as it was', async () => {
    const home = storeCopy();
    const before = fingerprint(home);
    const wrong = await rekeyCli(home, { SWITCHYARD_PASSPHRASE: 'not the old passphrase' }).run(['store', 'rekey']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('[E_WRONG_PASSPHRASE]');
    const weak = await rekeyCli(home, { SWITCHYARD_NEW_PASSPHRASE: 'aaaaaaaaaaaaaaa' }).run(['store', 'rekey']);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('[E_WEAK_PASSPHRASE]');
    expect(fingerprint(home)).toEqual(before);
  });

  const points: [SwapPoint, 'old' | 'new'][] = [
    ['copied', 'old'],
    ['rekeyed', 'old'],
    ['staged', 'old'],
    ['swapped', 'new'],
    ['keyFile', 'new'],
  ];
  it.each(points)('killed at "%s", it leaves a store that opens with the %s passphrase alone, whole', async (point, survivor) => {
    const home = storeCopy();
    const pauseFile = join(tempDir(), 'paused');
    const killed = await rekeyCli(home, { SWITCHYARD_TEST_PAUSE_AT: point, SWITCHYARD_TEST_PAUSE_FILE: pauseFile }).killWhen(appears(pauseFile), [
      'store',
      'rekey',
    ]);
    expect(killed.signal).toBe('SIGKILL');
    const [opens, refused] = survivor === 'old' ? [oldPassphrase, newPassphrase] : [newPassphrase, oldPassphrase];
    expect(await opensWith(home, opens)).toEqual({ profiles: ['orders'], actions: ['profile.create'] });
    expect(await opensWith(home, refused)).toBe('E_WRONG_PASSPHRASE');
    expect(readdirSync(home).filter((name) => name.includes('rekey'))).toEqual([]);
  });

  it('is refused while another Switchyard has the store open, until `store lock` locks it there', async () => {
    const home = storeCopy();
    const services = createServices({ dataDir: home });
    await services.session.unlock(keys(oldPassphrase));
    const locked = new Promise<void>((resolve) => services.session.onLocked(resolve));

    const refused = await rekeyCli(home).run(['store', 'rekey']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`(pid ${process.pid})`);
    expect(refused.stderr).toContain('[E_LOCK_HELD]');

    const lock = await rekeyCli(home).run(['store', 'lock']);
    expect(lock.stdout, output(lock)).toContain(`Locked the store in 1 process:`);
    await locked;
    expect(services.session.status().locked).toBe(true);
    expect((await rekeyCli(home).run(['store', 'rekey'])).code).toBe(0);
    services.close();
  });
});
