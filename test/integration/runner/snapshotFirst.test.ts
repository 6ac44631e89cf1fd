import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import type { ApiEventMessage } from '../../../src-shared/api';
import type { OperationDone } from '../../../src-shared/model/operation';
import type { RunResult } from '../../../src-shared/model/run';
import { createServices, type Services } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { writeNativeProject } from '../../support/nativeProject';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');
const context = { actor: 'tester via test' };

async function servicesWithProfile(environment: 'staging' | 'prod'): Promise<{ services: Services; profileId: string; database: string }> {
  const database = await scratchDatabase(server, 'snapfirst');
  const project = join(tempDir(), 'migrations');
  writeNativeProject(project, [
    { id: 'cust01', parents: [], message: 'customers', up: 'CREATE TABLE customers (id int PRIMARY KEY);', down: 'DROP TABLE customers;' },
  ]);
  const services = createServices({ dataDir: tempDir(), onUnexpectedError: () => undefined });
  await services.session.unlock(passphraseKeyProvider('snapshot first', { N: 1024, r: 8, p: 1 }));
  const profile = {
    name: `Orders ${environment}`,
    environment,
    engine: 'postgres',
    host: server.host,
    port: server.port,
    database,
    user: server.user,
    password: server.password,
    sslMode: 'disable',
    projectDir: project,
  };
  const created = await services.dispatch('profiles.create', { profile }, context);
  if (!created.ok) throw new Error(created.error.message);
  const profileId = (created.value as { id: string }).id;
  await runToEnd(services, { profileId, request: { action: 'upgrade', to: 'heads' }, confirmation: { typedName: profile.name } });
  await adminQuery(server, 'INSERT INTO customers SELECT generate_series(1, 500)', database);
  return { services, profileId, database };
}

async function runToEnd(services: Services, input: unknown): Promise<OperationDone> {
  const done: OperationDone[] = [];
  const stop = services.events.onEvent((message: ApiEventMessage) => {
    if (message.event === 'op.done') done.push(message.payload);
  });
  try {
    const started = await services.dispatch('runner.run', input, context);
    if (!started.ok) throw new Error(started.error.message);
    const { opId } = started.value as { opId: string };
    while (!done.some((d) => d.opId === opId)) await new Promise((resolve) => setTimeout(resolve, 10));
    return done.find((d) => d.opId === opId) as OperationDone;
  } finally {
    stop();
  }
}

const customers = async (database: string) =>
  (await adminQuery(server, "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'customers'", database)).rows[0].n as number;

describe('"snapshot first" on a run', () => {
  it('takes a snapshot through the snapshot service before a downgrade, and restoring it brings the dropped rows back', async () => {
    const { services, profileId, database } = await servicesWithProfile('staging');

    const done = await runToEnd(services, { profileId, request: { action: 'downgrade', to: 'base', snapshotFirst: true } });

    expect(done.ok).toBe(true);
    const result = (done as { result: RunResult }).result;
    expect(result.snapshot?.name).toBe('Before downgrade to base');
    expect(await customers(database)).toBe(0);
    const listed = await services.dispatch('snapshots.list', { profileId }, context);
    expect(listed.ok && (listed.value as Array<{ id: string }>).map((s) => s.id)).toEqual([result.snapshot?.id]);

    await services.reset.restoreSnapshot({ profileId }, result.snapshot?.id as string, context.actor, { endSessions: false });
    expect((await adminQuery(server, 'SELECT count(*)::int AS n FROM customers', database)).rows[0].n).toBe(500);
  });

  it('refuses a production run without its confirmation (or with a mistyped name) before it copies anything', async () => {
    const { services, profileId, database } = await servicesWithProfile('prod');

    const request = { action: 'downgrade', to: 'base', snapshotFirst: true };

    // Refused by the runner service itself, whatever the caller's dialog did: no operation starts.
    expect(await services.dispatch('runner.run', { profileId, request }, context)).toMatchObject({
      ok: false,
      error: { code: 'E_CONFIRMATION_REQUIRED', message: expect.stringContaining('type its name (Orders prod)') },
    });
    expect(await services.dispatch('runner.run', { profileId, request, confirmation: { typedName: 'Orders' } }, context)).toMatchObject({
      ok: false,
      error: { code: 'E_CONFIRMATION_REQUIRED' },
    });
    expect(await customers(database)).toBe(1);
    const listed = await services.dispatch('snapshots.list', { profileId }, context);
    expect(listed).toEqual({ ok: true, value: [] });
  });

  it('ends the sessions for the copy only when the request says they were listed and may be ended', async () => {
    const { services, profileId, database } = await servicesWithProfile('staging');
    const colleague = new pg.Client({ ...server, database, application_name: 'colleague-psql' });
    colleague.on('error', () => undefined);
    await colleague.connect();
    try {
      const unasked = await runToEnd(services, { profileId, request: { action: 'downgrade', to: 'base', snapshotFirst: true } });
      expect(unasked).toMatchObject({ ok: false, error: { code: 'E_SESSIONS_CONNECTED', message: expect.stringContaining('colleague-psql') } });
      expect(await customers(database)).toBe(1);

      const agreed = await runToEnd(services, { profileId, request: { action: 'downgrade', to: 'base', snapshotFirst: true, endSessions: true } });
      expect(agreed.ok).toBe(true);
      expect(await customers(database)).toBe(0);
    } finally {
      await colleague.end().catch(() => undefined);
    }
  });
});

describe('typed confirmations on production, checked by the services', () => {
  it('takes and deletes a snapshot only with the connection\'s name typed, and restores only with "production" acknowledged too', async () => {
    const { services, profileId, database } = await servicesWithProfile('prod');
    const name = 'Orders prod';

    expect(await services.dispatch('snapshots.create', { profileId, name: 'untyped' }, context)).toMatchObject({
      ok: false,
      error: { code: 'E_CONFIRMATION_REQUIRED' },
    });
    const created = await services.dispatch('snapshots.create', { profileId, name: 'typed', typedName: name }, context);
    if (!created.ok) throw new Error(created.error.message);
    const snapshotId = (created.value as { id: string }).id;

    await adminQuery(server, 'DELETE FROM customers', database);
    expect(await services.dispatch('snapshots.restore', { profileId, snapshotId, typedName: name }, context)).toMatchObject({
      ok: false,
      error: { code: 'E_CONFIRMATION_REQUIRED', message: expect.stringContaining('type "production"') },
    });
    expect((await adminQuery(server, 'SELECT count(*)::int AS n FROM customers', database)).rows[0].n).toBe(0);
    expect(
      await services.dispatch('snapshots.restore', { profileId, snapshotId, typedName: name, environmentAcknowledged: 'production' }, context),
    ).toMatchObject({ ok: true });
    expect((await adminQuery(server, 'SELECT count(*)::int AS n FROM customers', database)).rows[0].n).toBe(500);

    expect(await services.dispatch('snapshots.delete', { profileId, snapshotId }, context)).toMatchObject({
      ok: false,
      error: { code: 'E_CONFIRMATION_REQUIRED' },
    });
    expect(await services.dispatch('snapshots.list', { profileId }, context)).toMatchObject({ ok: true, value: [{ id: snapshotId }] });
    expect(await services.dispatch('snapshots.delete', { profileId, snapshotId, typedName: name }, context)).toEqual({ ok: true, value: { deleted: true } });
    expect(await services.dispatch('snapshots.list', { profileId }, context)).toEqual({ ok: true, value: [] });
  });

  it('removes a production connection with its last snapshots only when its name was typed', async () => {
    const { services, profileId } = await servicesWithProfile('prod');
    const typedName = 'Orders prod';
    expect(await services.dispatch('snapshots.create', { profileId, name: 'last', typedName }, context)).toMatchObject({ ok: true });

    expect(await services.dispatch('profiles.remove', { id: profileId, snapshots: 'delete' }, context)).toMatchObject({
      ok: false,
      error: { code: 'E_CONFIRMATION_REQUIRED' },
    });
    expect(await services.dispatch('snapshots.list', { profileId }, context)).toMatchObject({ ok: true, value: [{ name: 'last' }] });
    expect(await services.dispatch('profiles.remove', { id: profileId, snapshots: 'delete', confirmation: { typedName } }, context)).toEqual({
      ok: true,
      value: { removed: true },
    });
    expect(await services.dispatch('profiles.list', {}, context)).toEqual({ ok: true, value: [] });
  });
});
