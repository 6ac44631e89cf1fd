// The runner's check after a run, on real PostgreSQL and SQLite: the whole schema (columns, defaults,
// nullability, indexes…) compared with what the migrations make at what is applied now. A run that "succeeds" on a
// table made by hand before it (CREATE TABLE IF NOT EXISTS left it as it was) says which column is
// missing and which revision should have made it; a clean run says the schema was checked; a stamp and
// a run started without the check say they were not checked.
import { join } from 'node:path';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import type { ProfileInput } from '../../../src-shared/model/profile';
import type { RunResult } from '../../../src-shared/model/run';
import { createServices, type Services } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { writeNativeProject, type RevisionSpec } from '../../support/nativeProject';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { callAs, operationToEnd } from '../../support/serviceCalls';
import { execSqlite } from '../../support/sqliteFile';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');
const actor = 'tester';

const shop: RevisionSpec[] = [
  {
    id: 'o1',
    parents: [],
    message: 'orders',
    up: 'CREATE TABLE IF NOT EXISTS orders (id integer PRIMARY KEY, total integer NOT NULL DEFAULT 0);',
  },
  { id: 'o2', parents: ['o1'], message: 'lines', up: 'CREATE TABLE lines (id integer PRIMARY KEY, order_id integer REFERENCES orders (id));' },
];

async function unlocked(): Promise<Services> {
  const services = createServices({ dataDir: tempDir(), onUnexpectedError: () => undefined });
  onTestFinished(() => services.close());
  await services.session.unlock(passphraseKeyProvider('schema check test passphrase', { N: 1024, r: 8, p: 1 }));
  return services;
}

async function upgraded(services: Services, profile: ProfileInput): Promise<{ result: RunResult; logs: string[]; profileId: string }> {
  const { id: profileId } = await callAs(services, actor, 'profiles.create', { profile });
  const run = await operationToEnd(services, actor, 'runner.run', { profileId, request: { action: 'upgrade', to: 'heads' } });
  if (!run.result) throw new Error(`${run.error?.code}: ${run.error?.message}`);
  return { result: run.result, logs: run.logs, profileId };
}

const drifted = (result: RunResult) =>
  result.schemaCheck?.checked ? result.schemaCheck.report.objects.map((o) => [o.change, o.kind, o.name, o.revision]).sort() : 'not checked';

function project(): string {
  const dir = join(tempDir(), 'migrations');
  writeNativeProject(dir, shop);
  return dir;
}

describe('the schema check after a run', () => {
  it('on PostgreSQL: a table made by hand before the run is reported column by column, with the revision that should have made it', async () => {
    const database = await scratchDatabase(server, 'postrun_hand');
    await adminQuery(server, 'CREATE TABLE orders (id integer PRIMARY KEY, total integer)', database);
    const services = await unlocked();
    const { host, port, user, password } = server;

    const { result, logs } = await upgraded(services, {
      name: 'Shop',
      environment: 'dev',
      engine: 'postgres',
      host,
      port,
      user,
      password,
      database,
      projectDir: project(),
    });

    expect(result.steps.map((s) => s.revision)).toEqual(['o1', 'o2']);
    expect(drifted(result)).toEqual([['changed', 'column', 'total', 'o1']]);
    expect(result.schemaCheck?.checked && result.schemaCheck.report.objects[0]?.attributes.map((a) => a.attribute).sort()).toEqual(['default', 'nullable']);
    expect(logs.some((l) => l.startsWith('Schema differs from what the migrations make at o2: 1 object ('))).toBe(true);
    expect(logs.some((l) => l.includes('"public"."orders"."total": default 0 → (none) (migrations → database)') && l.endsWith('(made by o1)'))).toBe(true);
  });

  it('on PostgreSQL: a clean run is checked and found as the migrations make it; a run without the check and a stamp say they were not checked', async () => {
    const database = await scratchDatabase(server, 'postrun_clean');
    const services = await unlocked();
    const { host, port, user, password } = server;
    const profile: ProfileInput = { name: 'Shop clean', environment: 'dev', engine: 'postgres', host, port, user, password, database, projectDir: project() };
    const { id: profileId } = await callAs(services, actor, 'profiles.create', { profile });

    const started = services.runner.run({ profileId }, { action: 'upgrade', to: 'o1' }, actor, { confirmation: {}, schemaCheck: false });
    const unchecked = await new Promise<RunResult>((resolve, reject) => {
      const stop = services.events.onEvent(({ event, payload }) => {
        if (event !== 'op.done' || payload.opId !== started.opId) return;
        stop();
        if (payload.ok) resolve(payload.result as RunResult);
        else reject(new Error(payload.error.message));
      });
    });
    expect(unchecked.schemaCheck).toEqual({ checked: false, why: 'skipped when the run was started' });

    const run = await operationToEnd(services, actor, 'runner.run', { profileId, request: { action: 'upgrade', to: 'heads' } });
    expect(run.result?.schemaCheck).toMatchObject({ checked: true, report: { objects: [], expected: { revisions: ['o2'] } } });
    expect(run.logs.some((l) => /^Schema checked: what the migrations make at o2, column by column \(\d+ ms, /.test(l))).toBe(true);

    const stamp = await operationToEnd(services, actor, 'runner.run', { profileId, request: { action: 'stamp', to: 'o1', down: true } });
    expect(stamp.result?.schemaCheck).toEqual({ checked: false, why: 'a stamp runs no SQL (the schema is what it was; switchyard drift compares it)' });
  });

  it('on SQLite: a table made by hand before the run is reported column by column, with its revision', async () => {
    const path = join(tempDir(), 'shop.sqlite');
    execSqlite(path, 'CREATE TABLE orders (id integer PRIMARY KEY, total integer NOT NULL DEFAULT 0, note text);');
    const services = await unlocked();

    const { result } = await upgraded(services, { name: 'Shop file', environment: 'dev', engine: 'sqlite', sqlitePath: path, projectDir: project() });

    expect(result.steps.map((s) => s.revision)).toEqual(['o1', 'o2']);
    expect(drifted(result)).toEqual([['unexpected', 'column', 'note', 'o1']]);
  });
});
