// `switchyard upgrade --rehearse` and `--rehearsed` as a user runs them, one process after another:
// the rehearsal is printed and kept, a run that requires one is refused (E_NOT_REHEARSED) until the
// same plan succeeded on the same schema, and a change by hand since asks for another.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { writeNativeProject } from '../../support/nativeProject';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');
const bin = resolve('bin/switchyard.mjs');

function cliIn(home: string, passphrase = '') {
  return (args: string[]) => {
    const result = spawnSync(process.execPath, [bin, ...args], {
      env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase, PGPASSWORD: server.password },
      encoding: 'utf8',
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
}

const columnsOf = async (database: string) =>
  (await adminQuery(server, "SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'orders' ORDER BY 1", database)).rows.map(
    (r: { name: string }) => r.name,
  );

describe('switchyard upgrade --rehearse / --rehearsed', () => {
  it('refuses --rehearsed without a rehearsal of the same plan on the same schema, and runs with one', async () => {
    const database = await scratchDatabase(server, 'rehearsecli');
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, [
      { id: 'o1', parents: [], message: 'orders', up: 'CREATE TABLE orders (id integer PRIMARY KEY);' },
      { id: 'o2', parents: ['o1'], message: 'total', up: 'ALTER TABLE orders ADD COLUMN total numeric;\nSELECT pg_sleep(0.3);' },
    ]);
    const cli = cliIn(tempDir());
    const common = ['--url', `postgres://${server.user}@${server.host}:${server.port}/${database}`, '--project', project];
    expect(cli(['upgrade', ...common, '--to', 'o1']).code).toBe(0);

    const unrehearsed = cli(['upgrade', ...common, '--rehearsed']);
    expect(unrehearsed.code).toBe(1);
    expect(unrehearsed.stderr).toContain('[E_NOT_REHEARSED]');
    expect(unrehearsed.stderr).toContain('not rehearsed');
    expect(await columnsOf(database)).toEqual(['id']);

    const rehearsal = cli(['upgrade', ...common, '--rehearse']);
    expect(rehearsal.code).toBe(0);
    expect(rehearsal.stdout).toContain('Rehearsal of upgrade to heads');
    expect(rehearsal.stdout).toContain('succeeded');
    expect(rehearsal.stdout).toMatch(/ACCESS EXCLUSIVE on orders for \d+ ms \(blocks reads and writes\), revision o2/);
    expect(rehearsal.stdout).toContain('+ column "public"."orders"."total"');
    expect(await columnsOf(database)).toEqual(['id']);

    // Changed by hand since the rehearsal: the schema it was rehearsed on is gone.
    await adminQuery(server, 'ALTER TABLE orders ADD COLUMN by_hand text', database);
    const stale = cli(['upgrade', ...common, '--rehearsed']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('the schema changed since this plan was rehearsed');

    expect(cli(['upgrade', ...common, '--rehearse']).code).toBe(0);
    const run = cli(['upgrade', ...common, '--rehearsed']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Ran 1 revision');
    expect(await columnsOf(database)).toEqual(['by_hand', 'id', 'total']);
  });

  it('exits 1 on a failed rehearsal, printing where it failed', async () => {
    const database = await scratchDatabase(server, 'rehearsecli');
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, [{ id: 'f1', parents: [], message: 'broken', up: "CREATE TABLE a (id integer);\nINSERT INTO a VALUES ('x');" }]);
    const cli = cliIn(tempDir());

    const failed = cli(['upgrade', '--url', `postgres://${server.user}@${server.host}:${server.port}/${database}`, '--project', project, '--rehearse']);

    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('FAILED');
    expect(failed.stdout).toMatch(/failed: f1 failed at 001_f1\.sql:6:\d+: invalid input syntax for type integer/);
    expect((await adminQuery(server, "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'a'", database)).rows[0].n).toBe(0);
  });

  it('rehearses first on staging by default (said, the report printed, audited), skips it with --no-rehearse (said), and runs nothing after a failed one', async () => {
    const database = await scratchDatabase(server, 'rehearsefirst');
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, [
      { id: 'o1', parents: [], message: 'orders', up: 'CREATE TABLE orders (id integer PRIMARY KEY);' },
      { id: 'o2', parents: ['o1'], message: 'total', up: 'ALTER TABLE orders ADD COLUMN total numeric;\nSELECT pg_sleep(0.3);' },
      { id: 'o3', parents: ['o2'], message: 'broken', up: "ALTER TABLE orders ADD COLUMN note text;\nINSERT INTO orders VALUES ('x');" },
    ]);
    const cli = cliIn(tempDir(), 'rehearse first passphrase');
    const staging = ['--url', `postgres://${server.user}@${server.host}:${server.port}/${database}`, '--env', 'staging', '--project', project];

    const skipped = cli(['upgrade', ...staging, '--to', 'o1', '--no-rehearse']);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toMatch(/Not rehearsed: --no-rehearse given \(.* is a staging connection, which rehearses on a clone first by default\)/);
    expect(skipped.stdout).not.toContain('Rehearsal of upgrade');
    expect(skipped.stdout).toContain('Schema checked: what the migrations make at o1');

    const first = cli(['upgrade', ...staging, '--to', 'o2']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Rehearsing on a clone first \(.* is a staging connection; --no-rehearse skips it\)/);
    expect(first.stdout).toContain('Rehearsal of upgrade to o2');
    expect(first.stdout).toMatch(/ACCESS EXCLUSIVE on orders for \d+ ms/);
    expect(first.stdout).toContain('Ran 1 revision');
    expect(first.stdout.indexOf('Rehearsal of upgrade')).toBeLessThan(first.stdout.indexOf('Ran 1 revision'));
    expect(await columnsOf(database)).toEqual(['id', 'total']);

    const failed = cli(['upgrade', ...staging]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('FAILED');
    expect(failed.stderr).toContain('the rehearsal on a clone failed, so nothing ran on');
    expect(await columnsOf(database)).toEqual(['id', 'total']);

    const audit = (JSON.parse(cli(['audit', '--json']).stdout) as { entries: Array<{ action: string; detail: { ok: boolean; locks: string[] } }> }).entries;
    expect(audit.filter((e) => e.action.startsWith('runner.rehearse')).map((e) => [e.action, e.detail.ok])).toEqual([
      ['runner.rehearse.failed', false],
      ['runner.rehearse', true],
    ]);
    expect(audit.find((e) => e.action === 'runner.rehearse')?.detail.locks.some((l) => l.startsWith('ACCESS EXCLUSIVE on orders'))).toBe(true);
  });
});
