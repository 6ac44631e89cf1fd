// Fleet rollouts on real PostgreSQL: 30 databases of one environment, one of them failing at its
// third revision (stop at the first failure, then continue past it, then resume once it is fixed),
// one held by another session's run lock (the holder named), and a rollout whose CLI process is
// SIGKILLed mid-way, resumed with nothing applied twice (the version tables and a side-effect table).
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import type { ApiEventMessage, ApiInput, ApiMethod, ApiOutput } from '../../../src-shared/api';
import type { OperationDone } from '../../../src-shared/model/operation';
import type { Rollout, RolloutItem, RolloutProgress } from '../../../src-shared/model/rollout';
import { createServices, type Services } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { Cli, output } from '../../support/cliProcess';
import { writeNativeProject, type RevisionSpec } from '../../support/nativeProject';
import { adminQuery } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');
const context = { actor: 'tester via test' };
const passphrase = 'fleet rollout test passphrase';

/** Each revision leaves a row in `side_effects`: a revision applied twice would leave two. */
function revisions(count: number, sleep = 0): RevisionSpec[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `r${i + 1}`;
    const poison = i === 2 ? "\nDO $$ BEGIN IF to_regclass('public.poison') IS NOT NULL THEN RAISE EXCEPTION 'this database is poisoned'; END IF; END $$;" : '';
    return {
      id,
      parents: i === 0 ? [] : [`r${i}`],
      message: `step ${i + 1}`,
      up: `${i === 0 ? 'CREATE TABLE side_effects (revision text NOT NULL);\n' : ''}CREATE TABLE t_${id} (id int);\nINSERT INTO side_effects VALUES ('${id}');${
        sleep ? `\nSELECT pg_sleep(${sleep});` : ''
      }${poison}`,
    };
  });
}

async function call<M extends ApiMethod>(services: Services, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const result = await services.dispatch(method, input, context);
  if (!result.ok) throw Object.assign(new Error(`${result.error.code}: ${result.error.message}`), { code: result.error.code });
  return result.value as ApiOutput<M>;
}

/** Starts (or resumes) a rollout and waits for its op.done, keeping every row it reported on the way. */
async function rolloutToEnd(
  services: Services,
  start: () => Promise<{ opId: string }>,
  onRow: (item: RolloutItem) => void = () => undefined,
): Promise<{ rollout: Rollout; progress: RolloutItem[]; logs: string[] }> {
  const progress: RolloutItem[] = [];
  const logs: string[] = [];
  let opId: string | undefined;
  const early: ApiEventMessage[] = [];
  const done = new Promise<OperationDone>((resolve) => {
    const take = (message: ApiEventMessage) => {
      const { event, payload } = message;
      if (!('opId' in payload) || payload.opId !== opId) return;
      if (event === 'op.progress' && payload.detail) {
        progress.push((payload.detail as RolloutProgress).item);
        onRow((payload.detail as RolloutProgress).item);
      }
      if (event === 'op.log') logs.push(payload.line);
      if (event === 'op.done') resolve(payload);
    };
    services.events.onEvent((message) => (opId === undefined ? early.push(message) : take(message)));
    void start().then((started) => {
      opId = started.opId;
      early.splice(0).forEach(take);
    });
  });
  const finished = await done;
  if (!finished.ok) throw new Error(`${finished.error.code}: ${finished.error.message}`);
  return { rollout: finished.result as Rollout, progress, logs };
}

interface Fleet {
  home: string;
  databases: string[];
  services: Services;
}

async function fleet(name: string, size: number, specs: RevisionSpec[]): Promise<Fleet> {
  const home = tempDir();
  const project = join(home, 'migrations');
  writeNativeProject(project, specs);
  const databases = Array.from({ length: size }, (_, i) => `${name}_${process.pid}_${String(i + 1).padStart(2, '0')}`);
  for (const database of databases) await adminQuery(server, `CREATE DATABASE "${database}"`);
  onTestFinished(async () => {
    for (const database of databases) await adminQuery(server, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  });
  const services = createServices({ dataDir: home, onUnexpectedError: () => undefined });
  onTestFinished(() => services.close());
  await services.session.unlock(passphraseKeyProvider(passphrase, { N: 1024, r: 8, p: 1 }));
  const members = [];
  for (const database of databases) {
    const profile = {
      name: database,
      environment: 'staging' as const,
      engine: 'postgres' as const,
      host: server.host,
      port: server.port,
      database,
      user: server.user,
      password: server.password,
      sslMode: 'disable' as const,
    };
    members.push({ profileId: (await call(services, 'profiles.create', { profile })).id });
  }
  await call(services, 'projects.create', { project: { name, dir: project, format: 'native', environments: [{ name: 'fleet', members }] } });
  return { home, databases, services };
}

async function sideEffects(database: string): Promise<{ revision: string; n: number }[]> {
  const rows = await adminQuery(server, 'SELECT revision, count(*)::int AS n FROM side_effects GROUP BY revision ORDER BY revision', database).catch(() => ({
    rows: [],
  }));
  return rows.rows as { revision: string; n: number }[];
}

async function versions(database: string): Promise<string[]> {
  const rows = await adminQuery(server, 'SELECT revision FROM switchyard_migrations ORDER BY revision', database).catch(() => ({ rows: [] }));
  return (rows.rows as { revision: string }[]).map((r) => r.revision);
}

describe('a fleet rollout over 30 PostgreSQL databases', () => {
  it('stops at the first failure, goes on past it with continue-on-error, then resumes to done once it is fixed, applying nothing twice', async () => {
    const { services, databases } = await fleet('shopfleet', 30, revisions(5));
    // The tenth database fails at its third revision.
    await adminQuery(server, 'CREATE TABLE poison (id int)', databases[9]);
    const stopped = await rolloutToEnd(services, () =>
      call(services, 'rollouts.start', { request: { project: 'shopfleet', env: 'fleet', to: 'heads', concurrency: 4 } }),
    );
    const failed = stopped.rollout.items[9]!;
    expect(stopped.rollout.state).toBe('failed');
    expect(failed).toMatchObject({
      state: 'failed',
      applied: ['r1', 'r2'],
      failure: { code: 'E_MIGRATION_FAILED', revision: 'r3', file: expect.stringMatching(/003_r3\.sql$/) },
    });
    expect(failed.failure?.line).toBeGreaterThan(1);
    expect(failed.failure?.message).toContain('this database is poisoned');
    // No database started after the failure: the last ones never ran, and nothing ran on them.
    const skipped = stopped.rollout.items.filter((i) => i.state === 'skipped');
    expect(skipped.length).toBeGreaterThanOrEqual(30 - 9 - 4 - 1);
    for (const item of skipped) expect(await versions(item.name)).toEqual([]);
    // Those started before it finished, or stopped after the revision they were running: what they applied is recorded, once.
    for (const item of stopped.rollout.items.slice(0, 9)) {
      expect(['done', 'stopped']).toContain(item.state);
      expect(await versions(item.name)).toEqual(item.applied);
    }
    expect(stopped.rollout.items.filter((i) => i.state === 'stopped').every((i) => i.applied.length < 5)).toBe(true);
    // The live rows went through running revision N of M.
    expect(stopped.progress.some((i) => i.state === 'running' && i.current?.total === 5)).toBe(true);

    const onward = await rolloutToEnd(services, () =>
      call(services, 'rollouts.start', { request: { project: 'shopfleet', env: 'fleet', to: 'heads', continueOnError: true } }),
    );
    expect(onward.rollout.state).toBe('failed');
    expect(onward.rollout.counts).toMatchObject({ total: 30, done: 29, failed: 1 });
    expect(onward.rollout.items[9]).toMatchObject({ state: 'failed', applied: [] });

    await adminQuery(server, 'DROP TABLE poison', databases[9]);
    const resumed = await rolloutToEnd(services, () => call(services, 'rollouts.resume', { id: onward.rollout.id }));
    expect(resumed.rollout).toMatchObject({ id: onward.rollout.id, state: 'done', counts: { done: 30 } });
    expect(resumed.rollout.items[9]).toMatchObject({ state: 'done', applied: ['r3', 'r4', 'r5'], passes: 2 });
    // Only the failed database ran again.
    expect(resumed.rollout.items.filter((i) => i.passes === 2).map((i) => i.name)).toEqual([databases[9]]);
    for (const database of databases) {
      expect(await versions(database)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
      expect(await sideEffects(database)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5'].map((revision) => ({ revision, n: 1 })));
    }

    // The summary is in the audit log; each database's run was audited as a run.
    const audit = await call(services, 'audit.list', { limit: 1000 });
    expect(audit.filter((e) => e.action === 'rollout.done')).toHaveLength(1);
    expect(audit.find((e) => e.action === 'rollout.failed')?.detail).toMatchObject({ counts: { failed: 1 } });
    expect(audit.filter((e) => e.action === 'runner.upgrade.failed').length).toBeGreaterThanOrEqual(2);
    const markdown = await call(services, 'rollouts.export', { id: resumed.rollout.id, format: 'markdown' });
    expect(markdown.text).toContain(`| 10 | ${databases[9]} | done | 3 |`);
    const csv = await call(services, 'rollouts.export', { id: stopped.rollout.id, format: 'csv' });
    expect(csv.text).toMatch(/\r\n10,shopfleet_\d+_10,failed,2,r1 r2,,E_MIGRATION_FAILED,[^,]*003_r3\.sql:\d+:\d+,/);
  }, 180_000);
});

describe('a database of the fleet locked by someone else', () => {
  it('is reported locked with the holder named, the others done, and it runs on resume once the holder is gone', async () => {
    const { services, databases } = await fleet('lockfleet', 3, revisions(2));
    const holder = new pg.Client({ ...server, database: databases[1], application_name: 'colleague-deploy-script' });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1, $2)', [0x53594152, 1]);
      const { rollout } = await rolloutToEnd(services, () =>
        call(services, 'rollouts.start', { request: { project: 'lockfleet', env: 'fleet', to: 'heads', lockTimeoutMs: 300 } }),
      );
      expect(rollout.state).toBe('failed');
      expect(rollout.items.map((i) => i.state)).toEqual(['done', 'locked', 'done']);
      expect(rollout.items[1]?.holder).toMatch(/^pid \d+, user postgres, application "colleague-deploy-script"/);
      expect(await versions(databases[1]!)).toEqual([]);
    } finally {
      await holder.end();
    }
    const { rollout } = await rolloutToEnd(services, () => call(services, 'rollouts.resume', { id: 'last' }));
    expect(rollout.items.map((i) => i.state)).toEqual(['done', 'done', 'done']);
    expect(await versions(databases[1]!)).toEqual(['r1', 'r2']);
  }, 60_000);
});

describe('a rollout whose CLI process is killed mid-way', () => {
  it('is found interrupted and resumed with --resume last, nothing applied twice', async () => {
    const { home, databases, services } = await fleet('killfleet', 6, revisions(4, 0.15));
    services.close();
    const cli = new Cli({ SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase });
    // Killed once a few revisions have been applied across the fleet, some databases done and some not started.
    const midway = (async () => {
      for (;;) {
        const counts = await Promise.all(databases.map(async (d) => (await sideEffects(d)).length));
        if (counts.reduce((a, b) => a + b, 0) >= 7) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const run = await cli.killWhen(midway, ['rollout', '--project', 'killfleet', '--env', 'fleet', '--to', 'heads', '--concurrency', '2']);
    expect(run.signal).toBe('SIGKILL');

    const list = await cli.run(['rollout', 'list', '--json']);
    expect(list.code, output(list)).toBe(0);
    const [listed] = JSON.parse(list.stdout) as Rollout[];
    expect(listed).toMatchObject({ state: 'interrupted', scope: 'environment fleet of killfleet' });
    const shown = JSON.parse((await cli.run(['rollout', 'show', 'last', '--json'])).stdout) as Rollout;
    expect(shown.items.some((i) => i.state === 'interrupted')).toBe(true);
    expect(shown.items.some((i) => i.state === 'waiting')).toBe(true);

    const resumed = await cli.run(['rollout', '--resume', 'last']);
    expect(resumed.code, output(resumed)).toBe(0);
    expect(resumed.stdout).toMatch(/: done, 6 done of 6\./);
    for (const database of databases) {
      expect(await versions(database)).toEqual(['r1', 'r2', 'r3', 'r4']);
      expect(await sideEffects(database)).toEqual(['r1', 'r2', 'r3', 'r4'].map((revision) => ({ revision, n: 1 })));
    }
    const again = await cli.run(['rollout', '--resume', 'last']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is done on every database: there is nothing to resume');
  }, 120_000);
});

describe('a rollout cancelled while it runs', () => {
  it('stops between revisions (no new database, the running ones after their revision), refuses a second resume meanwhile, and resumes to done', async () => {
    const { services, databases } = await fleet('cancelfleet', 5, revisions(4, 0.2));
    let opId: string | undefined;
    let rolloutId: string | undefined;
    let secondResume: Promise<unknown> | undefined;
    const cancelled = await rolloutToEnd(
      services,
      async () => {
        const started = await call(services, 'rollouts.start', { request: { project: 'cancelfleet', env: 'fleet', to: 'heads', concurrency: 2 } });
        ({ opId, rolloutId } = started);
        return started;
      },
      (item) => {
        if (secondResume || item.applied.length === 0 || !opId) return;
        // Cancelled as soon as a database has applied a revision, and resumed meanwhile from elsewhere.
        secondResume = services.dispatch('rollouts.resume', { id: rolloutId }, context);
        services.operations.cancel(opId);
      },
    );
    expect(await secondResume).toMatchObject({ ok: false, error: { code: 'E_LOCK_HELD', message: expect.stringContaining('is still running') } });
    expect(cancelled.rollout.state).toBe('cancelled');
    // A running database stopped between two revisions: some applied, not all.
    expect(cancelled.rollout.items.some((i) => i.state === 'cancelled' && i.applied.length > 0 && i.applied.length < 4)).toBe(true);
    expect(cancelled.rollout.items.slice(2).some((i) => i.state === 'skipped')).toBe(true);
    for (const item of cancelled.rollout.items) {
      // Whatever a cancelled database applied is recorded, each revision once; a skipped one was never touched.
      expect(await versions(item.name)).toEqual(item.applied);
      expect((await sideEffects(item.name)).every((r) => r.n === 1)).toBe(true);
    }
    expect(rolloutId).toBe(cancelled.rollout.id);

    const resumed = await rolloutToEnd(services, () => call(services, 'rollouts.resume', { id: cancelled.rollout.id }));
    expect(resumed.rollout.state).toBe('done');
    for (const database of databases) expect(await sideEffects(database)).toEqual(['r1', 'r2', 'r3', 'r4'].map((revision) => ({ revision, n: 1 })));
  }, 120_000);
});
