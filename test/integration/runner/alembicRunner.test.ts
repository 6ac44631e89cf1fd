// Alembic interop: Switchyard reads what real Alembic wrote, and runs real Alembic so that
// `alembic current` agrees with what Switchyard reports.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it, onTestFinished, vi } from 'vitest';
import { alembicLockKey } from '../../../src-main/runner/alembicBootstrap';
import { alembicInvocation, sqlalchemyUrl } from '../../../src-main/runner/alembicCommand';
import type { MigrationTarget } from '../../../src-main/targets/migrationTarget';
import { previewTarget, runTarget } from '../../../src-main/runner/runnerService';
import { targetStatus } from '../../../src-main/runner/targetStatus';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { postgresTarget } from '../../support/migrationTargets';
import { alembicRevision as revision, plainAlembicEnv } from '../../support/alembicFolders';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');

function writeProject(dir: string, url: string): void {
  mkdirSync(join(dir, 'migrations', 'versions'), { recursive: true });
  // Only the "real Alembic" calls below read this URL; Switchyard passes its own through the environment.
  const logging =
    '[loggers]\nkeys = root,alembic\n[handlers]\nkeys = console\n[formatters]\nkeys = generic\n[logger_root]\nlevel = WARN\nhandlers = console\n[logger_alembic]\nlevel = INFO\nhandlers =\nqualname = alembic\n[handler_console]\nclass = StreamHandler\nargs = (sys.stderr,)\nformatter = generic\n[formatter_generic]\nformat = %(levelname)-5.5s [%(name)s] %(message)s\n';
  writeFileSync(join(dir, 'alembic.ini'), `[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = ${url.replace(/%/g, '%%')}\n\n${logging}`);
  writeFileSync(join(dir, 'migrations', 'env.py'), plainAlembicEnv);
  const files: Array<[string, string]> = [
    ['a1', revision('a1', [], 'accounts')],
    ['b2', revision('b2', ['a1'], 'billing')],
    ['c3', revision('c3', ['a1'], 'crm', ['crm'])],
    ['d4', revision('d4', ['c3'], 'deals')],
  ];
  for (const [id, text] of files) writeFileSync(join(dir, 'migrations', 'versions', `${id}.py`), text);
}

/** Real Alembic's view, run inside the project (a recording env.py writes beside it, never into the checkout). */
function alembicCurrent(dir: string): string[] {
  const out = execFileSync('/usr/bin/python3', ['-m', 'alembic', '-c', join(dir, 'alembic.ini'), 'current'], {
    cwd: join(dir, 'migrations'),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return out
    .split('\n')
    .map((l) => l.split(' ')[0] ?? '')
    .filter(Boolean)
    .sort();
}

describe('Alembic projects', () => {
  it('reads the status real Alembic left, and runs Alembic so that alembic current agrees', async () => {
    const database = await scratchDatabase(server, 'alembic');
    const dir = tempDir();
    const { connection } = postgresTarget(server, database, dir);
    writeProject(dir, sqlalchemyUrl(connection));
    execFileSync('/usr/bin/python3', ['-m', 'alembic', '-c', join(dir, 'alembic.ini'), 'upgrade', 'b2'], { stdio: 'pipe' });
    const target: MigrationTarget = { name: database, environment: 'dev', connection, projectDir: dir, projectFormat: 'auto', alembicCommand: '' };

    const before = await targetStatus(target);
    expect(before.format).toBe('alembic');
    expect(before.heads).toEqual(alembicCurrent(dir));
    expect(before.applied).toEqual(['a1', 'b2']);
    expect(before.pending).toEqual(['c3', 'd4']);

    const preview = await previewTarget(target, { action: 'upgrade', to: 'crm@head' }, 'tester');
    expect(preview.steps.map((s) => s.revision)).toEqual(['c3', 'd4']);
    expect(preview.sql).toContain('CREATE TABLE crm');

    const logs: string[] = [];
    const result = await runTarget(
      target,
      { action: 'upgrade', to: 'heads' },
      {
        actor: 'tester',
        operation: {
          opId: 't',
          signal: new AbortController().signal,
          progress: () => undefined,
          checkpoint: () => undefined,
          log: (_l, line) => logs.push(line),
        },
      },
    );
    expect(result.steps.map((s) => s.revision)).toEqual(['c3', 'd4']);
    expect(result.status.heads.sort()).toEqual(alembicCurrent(dir));
    expect(alembicCurrent(dir)).toEqual(['b2', 'd4']);
    // Alembic's own output streamed through as progress.
    expect(logs.join('\n')).toContain('Running upgrade c3 -> d4');

    const down = await runTarget(target, { action: 'downgrade', to: 'a1' }, { actor: 'tester' });
    expect(down.status.heads).toEqual(alembicCurrent(dir));
    expect(alembicCurrent(dir)).toEqual(['a1']);
  });

  it('reports Alembic failures faithfully, with its exit code and message', async () => {
    const database = await scratchDatabase(server, 'alembic');
    const dir = tempDir();
    const { connection } = postgresTarget(server, database, dir);
    writeProject(dir, sqlalchemyUrl(connection));
    writeFileSync(
      join(dir, 'migrations', 'versions', 'b2.py'),
      revision('b2', ['a1'], 'billing').replace('op.create_table("billing"', 'op.execute("SELECT * FROM no_such_table")\n    op.create_table("billing"'),
    );
    const target: MigrationTarget = { name: database, environment: 'dev', connection, projectDir: dir, projectFormat: 'alembic', alembicCommand: '' };
    const error = await runTarget(target, { action: 'upgrade', to: 'b2' }, { actor: 'tester' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_ALEMBIC_FAILED', detail: { exitCode: 1 }, message: expect.stringContaining('no_such_table') });
    // This env.py runs the whole upgrade in one transaction, as Alembic's template does: nothing stays.
    expect(alembicCurrent(dir)).toEqual([]);
    expect((await targetStatus(target)).applied).toEqual([]);
  });

  it('never puts the connection URL (or its password) on the command line', () => {
    const invocation = alembicInvocation('', ['-c', '/p/alembic.ini', 'upgrade', 'heads']);
    expect(invocation.bootstrapped).toBe(true);
    expect(invocation.args.join(' ')).not.toMatch(/postgres(ql)?(\+\w+)?:\/\/|password|sqlite:/);
    expect(invocation.args.slice(-4)).toEqual(['-c', '/p/alembic.ini', 'upgrade', 'heads']);
  });
});

describe('the Alembic child', () => {
  const bin = resolve('bin/switchyard.mjs');
  const passphrase = 'store-passphrase-that-must-stay-home';
  // What a user's shell holds: the store's key, Switchyard's home, the password for --url, other secrets.
  const userEnvironment = () => ({
    ...process.env,
    SWITCHYARD_HOME: tempDir(),
    SWITCHYARD_PASSPHRASE: passphrase,
    PGPASSWORD: server.password,
    AWS_SECRET_ACCESS_KEY: 'not-for-migrations',
  });

  // env.py first records what the child can see, then runs as usual.
  const recordingEnv = `import json, os\njson.dump({"pid": os.getpid(), "environ": dict(os.environ)}, open("child.json", "w"))\n${plainAlembicEnv}`;

  async function project(): Promise<{ dir: string; url: string; database: string }> {
    const database = await scratchDatabase(server, 'alembic_child');
    const dir = tempDir();
    const { connection } = postgresTarget(server, database, dir);
    writeProject(dir, sqlalchemyUrl(connection));
    writeFileSync(join(dir, 'migrations', 'env.py'), recordingEnv);
    return { dir, database, url: `postgres://${server.user}@${server.host}:${server.port}/${database}` };
  }

  const child = (dir: string) => JSON.parse(readFileSync(join(dir, 'child.json'), 'utf8')) as { pid: number; environ: Record<string, string> };

  /** A zombie (exited, not yet reaped by whoever adopted it) runs nothing any more. */
  function running(pid: number): boolean {
    const stat = `/proc/${pid}/stat`;
    return existsSync(stat) && !/^\d+ \(.*\) Z/.test(readFileSync(stat, 'utf8'));
  }

  it("sees PATH, HOME and the locale, and none of Switchyard's variables or the user's other secrets", async () => {
    const { dir, url } = await project();
    const run = spawnSync(process.execPath, [bin, 'upgrade', '--url', url, '--project', dir, '--to', 'a1'], { env: userEnvironment(), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { environ } = child(dir);
    expect(environ.PATH).toBe(process.env.PATH);
    expect(Object.keys(environ).filter((name) => name.startsWith('SWITCHYARD_'))).toEqual([]);
    expect(Object.values(environ).filter((value) => value.includes(passphrase))).toEqual([]);
    expect(environ).not.toHaveProperty('AWS_SECRET_ACCESS_KEY');
    expect(environ).not.toHaveProperty('PGPASSWORD');
  });

  /** Starts `upgrade --to b2` in the CLI, SIGKILLs it while b2 sleeps in the server; the child's pid. */
  async function killedDuringB2(dir: string, url: string, database: string, extra: string[] = []): Promise<number> {
    // b2 sleeps in the server while the marker file exists.
    writeFileSync(join(dir, 'sleep-in-b2'), '');
    writeFileSync(
      join(dir, 'migrations', 'versions', 'b2.py'),
      revision('b2', ['a1'], 'billing').replace(
        'def upgrade():',
        'def upgrade():\n    import os\n    if os.path.exists("sleep-in-b2"): op.execute("SELECT pg_sleep(600)")',
      ),
    );
    const first = spawn(process.execPath, [bin, 'upgrade', '--url', url, '--project', dir, '--to', 'b2', ...extra], {
      env: userEnvironment(),
      stdio: 'ignore',
    });
    const sleeping = async () =>
      (await adminQuery(server, `SELECT 1 FROM pg_stat_activity WHERE datname = '${database}' AND query LIKE '%pg_sleep(600)%' AND state = 'active'`)).rowCount;
    await vi.waitFor(async () => expect(await sleeping()).toBe(1), { timeout: 60_000, interval: 200 });
    first.kill('SIGKILL');
    return child(dir).pid;
  }

  it('dies with a SIGKILLed CLI, and the next run waits for its work to end instead of running beside it', async () => {
    const { dir, url, database } = await project();
    const pid = await killedDuringB2(dir, url, database);

    await vi.waitFor(() => expect(running(pid)).toBe(false), { timeout: 30_000, interval: 100 });
    rmSync(join(dir, 'sleep-in-b2'));
    const second = spawnSync(process.execPath, [bin, 'upgrade', '--url', url, '--project', dir, '--to', 'b2', '--lock-timeout', '60'], {
      env: userEnvironment(),
      encoding: 'utf8',
    });
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
    expect(alembicCurrent(dir)).toEqual(['b2']);
    const tables = await adminQuery(server, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1", database);
    expect(tables.rows.map((r: { tablename: string }) => r.tablename)).toEqual(['accounts', 'alembic_version', 'billing']);
  });

  it('dies with a SIGKILLed CLI when it is a command line Switchyard cannot bootstrap too', async () => {
    const { dir, url, database } = await project();
    const pid = await killedDuringB2(dir, url, database, ['--alembic', '/usr/bin/python3 -m alembic']);
    expect(child(dir).environ).toHaveProperty('DATABASE_URL');
    await vi.waitFor(() => expect(running(pid)).toBe(false), { timeout: 30_000, interval: 100 });
  });

  it('waits for the lock an earlier Alembic child still holds on the server, then refuses without running anything', async () => {
    const { dir, url, database } = await project();
    const earlier = new pg.Client({ ...server, database });
    await earlier.connect();
    onTestFinished(() => earlier.end());
    await earlier.query('SELECT pg_advisory_lock($1, $2)', [...alembicLockKey]);
    const run = spawnSync(process.execPath, [bin, 'upgrade', '--url', url, '--project', dir, '--to', 'b2', '--lock-timeout', '1'], {
      env: userEnvironment(),
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Another Alembic run on .* is still running .*nothing was run\.\n {2}\[E_LOCK_HELD\]/);
    expect(alembicCurrent(dir)).toEqual([]);
  });

  it('stops between revisions on Ctrl-C: the revision running finishes, the next never starts', async () => {
    const { dir, url, database } = await project();
    // c3 waits for a lock this test holds, so Ctrl-C arrives while it runs.
    const holder = new pg.Client({ ...server, database });
    await holder.connect();
    onTestFinished(() => holder.end());
    await holder.query('SELECT pg_advisory_lock(4242)');
    writeFileSync(
      join(dir, 'migrations', 'versions', 'c3.py'),
      revision('c3', ['a1'], 'crm', ['crm']).replace('def upgrade():', 'def upgrade():\n    op.execute("SELECT pg_advisory_lock(4242)")'),
    );
    const run = spawn(process.execPath, [bin, 'upgrade', '--url', url, '--project', dir, '--to', 'd4'], {
      env: userEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    run.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((done) => run.once('close', done));
    const waiting = async () =>
      (
        await adminQuery(
          server,
          `SELECT 1 FROM pg_stat_activity WHERE datname = '${database}' AND query LIKE '%pg_advisory_lock(4242)%' AND wait_event_type = 'Lock'`,
        )
      ).rowCount;
    await vi.waitFor(async () => expect(await waiting()).toBe(1), { timeout: 60_000, interval: 200 });
    run.kill('SIGINT');
    await vi.waitFor(() => expect(stderr).toContain('stopping after the current revision'));
    await holder.query('SELECT pg_advisory_unlock(4242)');

    expect(await exited).toBe(1);
    expect(stderr).toContain('Stopped between revisions, after 2 of 3');
    expect(stderr).toContain('[E_CANCELLED]');
    expect(alembicCurrent(dir)).toEqual(['c3']);
  });
});
