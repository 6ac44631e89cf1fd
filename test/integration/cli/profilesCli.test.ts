import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { storeWithCheapKey } from '../../support/cliStore';
import { startPasswordCatcher } from '../../support/passwordCatcher';
import { tempDir } from '../../support/tempDir';

const pg = inject('postgres');
const bin = resolve('bin/switchyard.mjs');

function cli(home: string, args: string[], options: { stdin?: string; passphrase?: string } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: options.passphrase ?? 'cli passphrase' },
    input: options.stdin ?? '',
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A data folder with its store made already (support/cliStore), opened by the passphrase `cli` gives. */
const storeHome = () => storeWithCheapKey(tempDir(), 'cli passphrase');

describe('switchyard profiles', () => {
  it('prints help listing the commands', () => {
    const help = cli(tempDir(), ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('profiles');
    expect(help.stdout).toContain('serve');
  });

  it('adds from a URI (warning about argv), lists as JSON without the password, and tests for real', async () => {
    const home = await storeHome();
    const uri = `postgres://${pg.user}:${encodeURIComponent(pg.password)}@${pg.host}:${pg.port}/postgres`;
    const added = cli(home, ['profiles', 'add', uri, '--name', 'local', '--env', 'test']);
    expect(added.code).toBe(0);
    expect(added.stderr).toContain('other users of this machine');
    expect(added.stdout).toContain('Added local (test');

    const list = cli(home, ['profiles', 'list', '--json']);
    expect(list.code).toBe(0);
    const profiles = JSON.parse(list.stdout) as { name: string; hasPassword: boolean; port: number }[];
    expect(profiles).toMatchObject([{ name: 'local', hasPassword: true, port: pg.port, environment: 'test' }]);
    expect(list.stdout).not.toContain(pg.password);

    const tested = cli(home, ['profiles', 'test', 'local', '--json']);
    expect(tested.code).toBe(0);
    expect(JSON.parse(tested.stdout)).toMatchObject({ ok: true, profile: 'local', currentUser: pg.user, canCreateDatabase: true });
  });

  it('takes the password from stdin, edits fields, and reports a failed test with its code', async () => {
    const home = await storeHome();
    expect(
      cli(
        home,
        ['profiles', 'add', '--name', 'stdin', '--host', pg.host, '--port', String(pg.port), '--database', 'postgres', '--user', pg.user, '--password-stdin'],
        { stdin: `${pg.password}\n` },
      ).code,
    ).toBe(0);
    expect(cli(home, ['profiles', 'test', 'stdin']).stdout).toContain('connected — PostgreSQL 18');

    const retargeted = cli(home, ['profiles', 'edit', 'stdin', '--database', 'missing_db', '--env', 'prod', '--read-only']);
    expect(retargeted.code).toBe(1);
    expect(retargeted.stderr).toContain('give its password again');
    expect(
      cli(home, ['profiles', 'edit', 'stdin', '--database', 'missing_db', '--env', 'prod', '--read-only', '--password-stdin'], { stdin: `${pg.password}\n` })
        .code,
    ).toBe(0);
    const failed = cli(home, ['profiles', 'test', 'stdin', '--json']);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout)).toMatchObject({ error: { code: 'E_UNKNOWN_DATABASE' } });
    const [profile] = JSON.parse(cli(home, ['profiles', 'list', '--json']).stdout) as { environment: string; readOnly: boolean }[];
    expect(profile).toMatchObject({ environment: 'prod', readOnly: true });
  });

  it('refuses to remove without confirmation when it cannot ask, and removes with --yes', async () => {
    const home = await storeHome();
    cli(home, ['profiles', 'add', '--name', 'gone', '--engine', 'sqlite', '--sqlite-path', '/tmp/gone.sqlite']);
    const refused = cli(home, ['profiles', 'remove', 'gone']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('without --yes');
    expect(cli(home, ['profiles', 'remove', 'gone', '--yes']).code).toBe(0);
    expect(JSON.parse(cli(home, ['profiles', 'list', '--json']).stdout)).toEqual([]);
  });

  it('shows every profile change in the audit log, never the password, with the chain intact', async () => {
    const home = await storeHome();
    cli(home, ['profiles', 'add', '--name', 'audited', '--host', 'h', '--database', 'd', '--user', 'u', '--password-stdin'], { stdin: 'Audit-Me-Not-42\n' });
    cli(home, ['profiles', 'edit', 'audited', '--env', 'staging']);
    const audit = cli(home, ['audit', '--json']);
    expect(audit.code).toBe(0);
    const { verification, entries } = JSON.parse(audit.stdout) as {
      verification: { ok: boolean };
      entries: { action: string; actor: string; detail: unknown }[];
    };
    expect(verification.ok).toBe(true);
    expect(entries.map((e) => e.action)).toEqual(['profile.update', 'profile.create']);
    expect(entries[0]?.actor).toMatch(/ via cli$/);
    expect(entries[0]?.detail).toMatchObject({ changed: { environment: 'staging' } });
    expect(audit.stdout).not.toContain('Audit-Me-Not-42');
  });

  it('sets every field of a profile from its flag, keeps it, and audits each change by name', async () => {
    const home = await storeHome();
    const project = tempDir();
    const every = {
      name: 'every field',
      environment: 'staging',
      engine: 'postgres',
      host: 'db.example.com',
      port: 6543,
      database: 'orders',
      user: 'app',
      sslMode: 'verify-ca',
      sslCaFile: '/etc/ca.pem',
      sqlitePath: '/tmp/unused.sqlite',
      readOnly: true,
      notes: 'a note',
      projectDir: project,
      projectFormat: 'alembic',
      alembicCommand: 'poetry run alembic',
    };
    const added = cli(home, [
      'profiles',
      'add',
      '--name',
      every.name,
      '--env',
      every.environment,
      '--engine',
      every.engine,
      '--host',
      every.host,
      '--port',
      String(every.port),
      '--database',
      every.database,
      '--user',
      every.user,
      '--ssl-mode',
      every.sslMode,
      '--ssl-ca',
      every.sslCaFile,
      '--sqlite-path',
      every.sqlitePath,
      '--read-only',
      '--notes',
      every.notes,
      '--project',
      every.projectDir,
      '--format',
      every.projectFormat,
      '--alembic',
      every.alembicCommand,
      '--json',
    ]);
    expect(added.stderr).toBe('');
    expect(JSON.parse(added.stdout)).toMatchObject(every);

    const edited = cli(home, [
      'profiles',
      'edit',
      every.name,
      '--name',
      'renamed',
      '--env',
      'test',
      '--engine',
      'sqlite',
      '--host',
      'other',
      '--port',
      '5544',
      '--database',
      'd2',
      '--user',
      'u2',
      '--ssl-mode',
      'require',
      '--ssl-ca',
      '',
      '--sqlite-path',
      '/tmp/other.sqlite',
      '--writable',
      '--notes',
      '',
      '--project',
      '.',
      '--format',
      'native',
      '--alembic',
      '',
      '--json',
    ]);
    expect(edited.stderr).toBe('');
    const changed = {
      name: 'renamed',
      environment: 'test',
      engine: 'sqlite',
      host: 'other',
      port: 5544,
      database: 'd2',
      user: 'u2',
      sslMode: 'require',
      sslCaFile: '',
      sqlitePath: '/tmp/other.sqlite',
      readOnly: false,
      notes: '',
      projectDir: resolve('.'),
      projectFormat: 'native',
      alembicCommand: '',
    };
    expect(JSON.parse(edited.stdout)).toMatchObject(changed);
    const [update] = (JSON.parse(cli(home, ['audit', '--json']).stdout) as { entries: { detail: { changed: unknown } }[] }).entries;
    expect(update?.detail.changed).toEqual(changed);
  });

  it('gives clear errors for bad input: invalid field, unknown profile, wrong passphrase', async () => {
    const home = await storeHome();
    const invalid = cli(home, ['profiles', 'add', '--name', 'x', '--host', 'h', '--user', 'u']);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('profile.database: Database is required');
    expect(cli(home, ['profiles', 'test', 'nobody']).stderr).toContain('No connection profile named "nobody"');
    const wrong = cli(home, ['profiles', 'list'], { passphrase: 'not the passphrase' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Wrong passphrase');
  });

  it('tests with overridden fields without sending the stored password there, unless it is given again', async () => {
    const home = await storeHome();
    const catcher = await startPasswordCatcher();
    try {
      const stored = 'Cli-Stored-Secret-802';
      cli(
        home,
        ['profiles', 'add', '--name', 'bound', '--host', pg.host, '--port', String(pg.port), '--database', 'postgres', '--user', pg.user, '--password-stdin'],
        { stdin: `${stored}\n` },
      );
      const refused = await spawnAsync(home, ['profiles', 'test', 'bound', '--host', '127.0.0.1', '--port', String(catcher.port), '--json']);
      expect(refused.code).toBe(1);
      expect(JSON.parse(refused.stdout)).toMatchObject({
        error: { code: 'E_AUTH_FAILED', message: expect.stringContaining('The saved password was not sent') },
      });
      expect(catcher.received).not.toContain(stored);

      const retyped = await spawnAsync(
        home,
        ['profiles', 'test', 'bound', '--host', '127.0.0.1', '--port', String(catcher.port), '--password-stdin'],
        'typed-again\n',
      );
      expect(retyped.code).toBe(1);
      expect(catcher.received).toEqual(['', 'typed-again']);
    } finally {
      await catcher.close();
    }
  });
});

/** The CLI in a child process without blocking this one, which serves the fake server. */
function spawnAsync(home: string, args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: 'cli passphrase' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
