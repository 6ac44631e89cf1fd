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
  writeNativeProject(project, [{ id: 'cust01', parents: [], message: 'customers', up: 'CREATE TABLE customers (id int PRIMARY KEY);', down: 'DROP TABLE customers;' }]);
  const services = createServices({ dataDir: tempDir(), onUnexpectedError: () => undefined });
  await services.session.unlock(passphraseKeyProvider('snapshot first', { N: 1024, r: 8, p: 1 }));
  const profile = { name: `Orders ${environment}`, environment, engine: 'postgres', host: server.host, port: server.port, database, user: server.user, password: server.password, sslMode: 'disable', projectDir: project };
  const created = await services.dispatch('profiles.create', { profile }, context);
  if (!created.ok) throw new Error(created.error.message);
  const profileId = (created.value as { id: string }).id;
  await runToEnd(services, { profileId, request: { action: 'upgrade', target: 'heads' }, confirmProduction: true });
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

const customers = async (database: string) => (await adminQuery(server, "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'customers'", database)).rows[0].n as number;

describe('"snapshot first" on a run', () => {
  it('takes a snapshot through the snapshot service before a downgrade, and restoring it brings the dropped rows back', async () => {
    const { services, profileId, database } = await servicesWithProfile('staging');

    const done = await runToEnd(services, { profileId, request: { action: 'downgrade', target: 'base', snapshotFirst: true } });

    expect(done.ok).toBe(true);
    const result = (done as { result: RunResult }).result;
    expect(result.snapshot?.name).toBe('Before downgrade to base');
    expect(await customers(database)).toBe(0);
    const listed = await services.dispatch('snapshots.list', { profileId }, context);
    expect(listed.ok && (listed.value as Array<{ id: string }>).map((s) => s.id)).toEqual([result.snapshot?.id]);

    await services.reset.restoreSnapshot({ profileId }, result.snapshot?.id as string, context.actor, { confirmProduction: false, endSessions: false });
    expect((await adminQuery(server, 'SELECT count(*)::int AS n FROM customers', database)).rows[0].n).toBe(500);
  });

  it('refuses a production run without its confirmation before it copies anything', async () => {
    const { services, profileId } = await servicesWithProfile('prod');

    const done = await runToEnd(services, { profileId, request: { action: 'downgrade', target: 'base', snapshotFirst: true }, confirmProduction: false });

    expect(done).toMatchObject({ ok: false, error: { code: 'E_CONFIRMATION_REQUIRED' } });
    const listed = await services.dispatch('snapshots.list', { profileId }, context);
    expect(listed).toEqual({ ok: true, value: [] });
  });

  it('ends the sessions for the copy only when the request says they were listed and may be ended', async () => {
    const { services, profileId, database } = await servicesWithProfile('staging');
    const colleague = new pg.Client({ ...server, database, application_name: 'colleague-psql' });
    colleague.on('error', () => undefined);
    await colleague.connect();
    try {
      const unasked = await runToEnd(services, { profileId, request: { action: 'downgrade', target: 'base', snapshotFirst: true } });
      expect(unasked).toMatchObject({ ok: false, error: { code: 'E_SESSIONS_CONNECTED', message: expect.stringContaining('colleague-psql') } });
      expect(await customers(database)).toBe(1);

      const agreed = await runToEnd(services, { profileId, request: { action: 'downgrade', target: 'base', snapshotFirst: true, endSessions: true } });
      expect(agreed.ok).toBe(true);
      expect(await customers(database)).toBe(0);
    } finally {
      await colleague.end().catch(() => undefined);
    }
  });
});
