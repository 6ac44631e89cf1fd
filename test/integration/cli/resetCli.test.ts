// `switchyard reset` and `switchyard snapshot` from a terminal: the plan without --confirm, the
// reset with it, and the undo through the snapshot it took.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runTarget } from '../../../src-main/runner/runnerService';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { execSqlite } from '../../support/sqliteFile';
import { tempDir } from '../../support/tempDir';
import { openSession, postgresTarget, rows, shellWithSwitchyard, shopProject, unlockedServices } from '../reset/resetSupport';

const server = inject('postgres');
const bin = resolve('bin/switchyard.mjs');

async function shopWithAda(prefix: string) {
  const database = await scratchDatabase(server, prefix);
  const project = shopProject();
  await runTarget(postgresTarget(server, database, project), { action: 'upgrade', to: 'heads' }, { actor: 'setup' });
  await rows(server, database, "INSERT INTO customers VALUES (1, 'Ada')");
  return { database, project };
}

describe('switchyard reset / snapshot', () => {
  it('lists snapshots with when they were taken in one human format with the zone, not a raw ISO string', () => {
    const home = tempDir();
    const database = join(home, 'shop.sqlite');
    execSqlite(database, 'CREATE TABLE customers (id INTEGER PRIMARY KEY);');
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [bin, ...args], {
        env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: 'snapshot list passphrase', TZ: 'Europe/Berlin' },
        encoding: 'utf8',
      });
    const taken = cli(['snapshot', 'create', '--url', `sqlite://${database}`, '--name', 'before the demo']);
    expect(taken.status, taken.stderr).toBe(0);
    const list = cli(['snapshot', 'list', '--url', `sqlite://${database}`]);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/before the demo .*\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:\d{2} (CET|CEST)/);
    expect(list.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('prints the impact and statements without --confirm, resets with it, and restores the snapshot it took', async () => {
    const { database, project } = await shopWithAda('cli_reset');
    const home = tempDir();
    const cli = (args: string[]) => {
      const result = spawnSync(process.execPath, [bin, ...args], {
        env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: 'cli reset test', PGPASSWORD: server.password },
        encoding: 'utf8',
      });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    const common = ['--url', `postgres://${server.user}@${server.host}:${server.port}/${database}`, '--project', project];

    const plan = cli(['reset', ...common, '--mode', 'recreate', '--to', 'heads']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    expect(plan.stdout).toContain('apply cust01 — customers');
    expect(plan.stdout).toContain('Nothing was changed');
    const wrong = cli(['reset', ...common, '--mode', 'recreate', '--confirm', 'someone_else']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('does not match');
    expect(await rows(server, database, 'SELECT name FROM customers')).toEqual([{ name: 'Ada' }]);

    const run = cli(['reset', ...common, '--mode', 'recreate', '--to', 'heads', '--confirm', database, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { ok: boolean; snapshot: { id: string } };
    expect(result.ok).toBe(true);
    expect(await rows(server, database, 'SELECT name FROM customers')).toEqual([]);

    const list = JSON.parse(cli(['snapshot', 'list', ...common, '--json']).stdout) as Array<{ id: string; heads: string[] }>;
    expect(list).toEqual([expect.objectContaining({ id: result.snapshot.id, heads: ['ordr02'] })]);
    expect(cli(['snapshot', 'restore', result.snapshot.id.slice(0, 8), ...common]).stdout).toContain('Restored');
    expect(await rows(server, database, 'SELECT name FROM customers')).toEqual([{ name: 'Ada' }]);
    expect(cli(['snapshot', 'delete', result.snapshot.id, ...common]).code).toBe(0);
    expect(JSON.parse(cli(['snapshot', 'list', ...common, '--json']).stdout)).toEqual([]);
  });
});

/** The first `switchyard …` command in the output after `label`, exactly as printed. */
function printedAfter(output: string, label: string): string {
  return new RegExp(`${label} (switchyard .*)$`, 'm').exec(output)?.[1] ?? '';
}

describe('the commands switchyard prints', () => {
  it('work exactly as printed: run the reset, undo it, end the sessions, keep the snapshots', async () => {
    const { database, project } = await shopWithAda('cli_hints');
    const services = await unlockedServices();
    // A name a shell would split and unquote: the hints must quote it.
    const profile = "Ada's shop (staging)";
    const created = await services.dispatch(
      'profiles.create',
      {
        profile: {
          name: profile,
          environment: 'staging',
          engine: 'postgres',
          host: server.host,
          port: server.port,
          database,
          user: server.user,
          password: server.password,
          projectDir: project,
        },
      },
      { actor: 'setup' },
    );
    expect(created.ok).toBe(true);
    services.close();
    const env = { ...process.env, SWITCHYARD_HOME: services.dataDir, SWITCHYARD_PASSPHRASE: 'reset test passphrase', PGPASSWORD: server.password };
    const shell = shellWithSwitchyard(env);
    const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });

    const plan = cli(['reset', '--profile', profile, '--mode', 'recreate', '--to', 'heads']);
    const runIt = printedAfter(plan.stdout, 'To run it:');
    expect(runIt).toContain(`--profile 'Ada'\\''s shop (staging)'`);
    const run = await shell(runIt);
    expect(run.status, `${runIt}\n${run.stderr}`).toBe(0);
    expect(await rows(server, database, 'SELECT name FROM customers')).toEqual([]);

    const undo = printedAfter(run.stdout, 'undo with:');
    const undone = await shell(undo);
    expect(undone.status, `${undo}\n${undone.stderr}`).toBe(0);
    expect(await rows(server, database, 'SELECT name FROM customers')).toEqual([{ name: 'Ada' }]);

    const colleague = await openSession(server, database);
    const refused = cli(['snapshot', 'create', '--profile', profile, '--name', 'with company']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('colleague-psql');
    const endThem = printedAfter(refused.stderr, 'To end them:');
    const taken = await shell(endThem);
    expect(taken.status, `${endThem}\n${taken.stderr}`).toBe(0);
    expect(taken.stdout).toContain('1 session on the database was ended first');
    await colleague.end().catch(() => undefined);

    const removal = cli(['profiles', 'remove', profile, '--yes']);
    expect(removal.status).toBe(1);
    expect(removal.stderr).toContain('"with company"');
    const keep = printedAfter(removal.stderr, 'To keep them:');
    expect((await shell(keep)).status).toBe(0);
    const left = JSON.parse(
      cli(['snapshot', 'list', '--url', `postgres://${server.user}@${server.host}:${server.port}/${database}`, '--json']).stdout,
    ) as Array<{ name: string; location: string }>;
    expect(left.map((s) => s.name)).toEqual(expect.arrayContaining(['with company']));
    for (const snapshot of left) await adminQuery(server, `DROP DATABASE IF EXISTS "${snapshot.location}"`);
  });
});
