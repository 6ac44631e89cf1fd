import { describe, expect, it } from 'vitest';
import type { ApiEventMessage } from '../../../src-shared/api';
import { createServices, type Services } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { tempDir } from '../../support/tempDir';
import { inject } from 'vitest';

const context = { actor: 'tester via test' };
const pg = inject('postgres');

async function unlocked(): Promise<Services> {
  const services = createServices({ dataDir: tempDir(), onUnexpectedError: () => undefined });
  await services.session.unlock(passphraseKeyProvider('api test passphrase', { N: 1024, r: 8, p: 1 }));
  return services;
}

function collect(services: Services): ApiEventMessage[] {
  const seen: ApiEventMessage[] = [];
  services.events.onEvent((message) => seen.push(message));
  return seen;
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the API boundary', () => {
  it('refuses an unknown method with a stable code', async () => {
    const services = await unlocked();
    expect(await services.dispatch('profiles.drop_all', {}, context)).toEqual({
      ok: false,
      error: { code: 'E_UNKNOWN_METHOD', message: 'Unknown API method "profiles.drop_all".' },
    });
  });

  it('refuses invalid input, naming the fields and never echoing the values', async () => {
    const services = await unlocked();
    const result = await services.dispatch(
      'profiles.create',
      { profile: { name: '', environment: 'moon', engine: 'postgres', password: 'Sekr1t-value' } },
      context,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('E_INVALID_INPUT');
    expect(result.error.message).toContain('profile.name: Name is required');
    expect(result.error.message).toContain('profile.environment');
    expect(JSON.stringify(result)).not.toContain('Sekr1t-value');
  });

  it('refuses extra fields instead of silently ignoring them', async () => {
    const services = await unlocked();
    const result = await services.dispatch('profiles.list', { everything: true }, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'E_INVALID_INPUT' } });
  });

  it('answers E_STORE_LOCKED until the store is unlocked', async () => {
    const services = createServices({ dataDir: tempDir() });
    expect(await services.dispatch('profiles.list', {}, context)).toMatchObject({ ok: false, error: { code: 'E_STORE_LOCKED' } });
    expect(await services.dispatch('session.status', {}, context)).toEqual({ ok: true, value: { locked: true, storeExists: false, keySource: 'passphrase' } });
  });

  it('never returns the password, and audits every change without it', async () => {
    const services = await unlocked();
    const created = await services.dispatch(
      'profiles.create',
      { profile: { name: 'Billing', environment: 'staging', engine: 'postgres', host: 'db', database: 'billing', user: 'app', password: 'Audit-Secret-77' } },
      context,
    );
    expect(created).toMatchObject({ ok: true, value: { name: 'Billing', hasPassword: true } });
    if (!created.ok) return;
    const id = (created.value as { id: string }).id;
    await services.dispatch(
      'profiles.update',
      { id, profile: { name: 'Billing', environment: 'prod', engine: 'postgres', host: 'db', database: 'billing', user: 'app', password: 'Audit-Secret-88' } },
      context,
    );
    await services.dispatch('profiles.duplicate', { id }, context);
    await services.dispatch('profiles.remove', { id }, context);
    const everything = JSON.stringify([await services.dispatch('profiles.list', {}, context), await services.dispatch('audit.list', {}, context)]);
    expect(everything).not.toContain('Audit-Secret');
    const audit = await services.dispatch('audit.list', {}, context);
    expect(audit.ok && (audit.value as { action: string; actor: string; detail: Record<string, unknown> }[]).map((e) => [e.action, e.actor])).toEqual([
      ['profile.remove', 'tester via test'],
      ['profile.duplicate', 'tester via test'],
      ['profile.update', 'tester via test'],
      ['profile.create', 'tester via test'],
    ]);
    expect(audit.ok && (audit.value as { detail: { changed?: unknown } }[])[2]?.detail.changed).toEqual({ environment: 'prod', password: 'changed' });
    // The duplicate kept the password, server-side.
    const list = await services.dispatch('profiles.list', {}, context);
    expect(list.ok && list.value).toMatchObject([{ name: 'Billing (copy)', hasPassword: true }]);
    expect(await services.dispatch('audit.verify', {}, context)).toEqual({ ok: true, value: { ok: true, entries: 4 } });
  });

  it('runs a long operation: an id at once, progress per step, then one done event', async () => {
    const services = await unlocked();
    const seen = collect(services);
    for (const [name, password] of [
      ['good', pg.password],
      ['bad', 'wrong'],
    ] as const) {
      await services.dispatch(
        'profiles.create',
        { profile: { name, environment: 'dev', engine: 'postgres', host: pg.host, port: pg.port, database: 'postgres', user: pg.user, password } },
        context,
      );
    }
    const started = await services.dispatch('profiles.testAll', {}, context);
    expect(started).toMatchObject({ ok: true, value: { opId: expect.any(String) } });
    const opId = started.ok ? (started.value as { opId: string }).opId : '';
    await until(() => seen.some((m) => m.event === 'op.done'));
    const mine = seen.filter((m) => 'opId' in m.payload && m.payload.opId === opId);
    expect(mine.filter((m) => m.event === 'op.progress').map((m) => m.event === 'op.progress' && [m.payload.done, m.payload.total])).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
    const done = mine.find((m) => m.event === 'op.done');
    expect(done?.payload).toMatchObject({
      ok: true,
      result: [
        { name: 'bad', ok: false, code: 'E_AUTH_FAILED' },
        { name: 'good', ok: true },
      ],
    });
  });

  it('cancels a long operation between steps', async () => {
    const services = await unlocked();
    const seen = collect(services);
    for (let i = 0; i < 5; i += 1) {
      await services.dispatch(
        'profiles.create',
        {
          profile: {
            name: `p${i}`,
            environment: 'dev',
            engine: 'postgres',
            host: pg.host,
            port: pg.port,
            database: 'postgres',
            user: pg.user,
            password: pg.password,
          },
        },
        context,
      );
    }
    // Cancel the moment the first profile is reported, as a user clicking Cancel mid-run would.
    const cancelled: unknown[] = [];
    services.events.onEvent((m) => {
      if (m.event === 'op.progress' && m.payload.done === 1)
        void services.dispatch('ops.cancel', { opId: m.payload.opId }, context).then((r) => cancelled.push(r));
    });
    const started = await services.dispatch('profiles.testAll', {}, context);
    const opId = started.ok ? (started.value as { opId: string }).opId : '';
    await until(() => seen.some((m) => m.event === 'op.done'));
    const done = seen.find((m) => m.event === 'op.done');
    expect(done?.payload).toMatchObject({ opId, ok: false, error: { code: 'E_CANCELLED' } });
    expect(cancelled).toEqual([{ ok: true, value: { cancelled: true } }]);
    expect(seen.filter((m) => m.event === 'op.progress').map((m) => m.event === 'op.progress' && m.payload.done)).toEqual([0, 1]);
    expect(await services.dispatch('ops.cancel', { opId }, context)).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('reports unexpected failures without internals', async () => {
    const services = await unlocked();
    services.session.store.db.close();
    const result = await services.dispatch('profiles.list', {}, context);
    expect(result).toEqual({ ok: false, error: { code: 'E_INTERNAL', message: 'Internal error; see the application log for details.' } });
  });
});
