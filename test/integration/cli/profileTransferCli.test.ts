// switchyard profiles import|export and add --url through the real CLI, against the test PostgreSQL:
// passwords imported are the ones that connect, and a bundle hands a connection set on whole.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { Cli, output } from '../../support/cliProcess';
import { tempDir } from '../../support/tempDir';

const pg = inject('postgres');
const storePassphrase = 'transfer store passphrase';
const bundlePassphrase = 'a colleague gets this one';

function cliFor(home: string, env: Record<string, string> = {}): Cli {
  return new Cli({ SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: storePassphrase, ...env });
}

/** A .pgpass naming the test server (its password escaped as the format says) and a server that does not exist. */
function pgpassFile(dir: string): string {
  const escape = (text: string) => text.replace(/\\/g, '\\\\').replace(/:/g, '\\:');
  const path = join(dir, '.pgpass');
  writeFileSync(path, `# test\n${pg.host}:${pg.port}:postgres:${escape(pg.user)}:${escape(pg.password)}\nnowhere.invalid:5432:app:app:not used\n`);
  return path;
}

interface Listed {
  name: string;
  hasPassword: boolean;
  [field: string]: unknown;
}

async function listed(cli: Cli): Promise<Listed[]> {
  const run = await cli.run(['profiles', 'list', '--json']);
  expect(run.code, output(run)).toBe(0);
  return (JSON.parse(run.stdout) as Listed[]).map(({ id: _id, createdAt: _c, updatedAt: _u, ...fields }) => fields as Listed);
}

describe('switchyard profiles import and export', () => {
  it('imports a .pgpass with its passwords, which then connect; a second import marks duplicates and leaves them out', async () => {
    const home = tempDir();
    const cli = cliFor(home);
    const file = pgpassFile(tempDir());

    const preview = await cli.run(['profiles', 'import', file, '--dry-run']);
    expect(preview.code, output(preview)).toBe(0);
    expect(preview.stdout).toContain('Read as a libpq password file (.pgpass), from its file name.');
    expect(preview.stdout).toContain('Would create 2 connections:');

    const imported = await cli.run(['profiles', 'import', file, '--json']);
    expect(imported.code, output(imported)).toBe(0);
    expect(imported.stdout).not.toContain(pg.password);
    const local = `${pg.user}@${pg.host}/postgres`;
    expect((JSON.parse(imported.stdout) as { created: Listed[] }).created.map((p) => [p.name, p.hasPassword])).toEqual([
      [local, true],
      ['app@nowhere.invalid/app', true],
    ]);
    const tested = await cli.run(['profiles', 'test', local]);
    expect(tested.stdout, output(tested)).toContain('connected — PostgreSQL');

    const again = await cli.run(['profiles', 'import', file]);
    expect(again.stdout).toContain('Created 0 connections.');
    expect(again.stdout).toContain(`2 duplicates of saved connections left out (--include-duplicates imports them):`);
    expect(again.stdout).toContain(`same database and user as "${local}"`);
    const forced = await cli.run(['profiles', 'import', file, '--include-duplicates', '--json']);
    expect((JSON.parse(forced.stdout) as { created: Listed[] }).created.map((p) => p.name)).toEqual([`${local} 2`, 'app@nowhere.invalid/app 2']);
  });

  it('hands a connection set to a colleague: a bundle imported on a fresh store gives the same profiles and working passwords', async () => {
    const mine = cliFor(tempDir(), { SWITCHYARD_BUNDLE_PASSPHRASE: bundlePassphrase });
    const uri = `postgres://${encodeURIComponent(pg.user)}:${encodeURIComponent(pg.password)}@${pg.host}:${pg.port}/postgres`;
    expect((await mine.run(['profiles', 'add', '--url', uri, '--name', 'shared db', '--env', 'staging', '--read-only', '--notes', 'ask Ann'])).code).toBe(0);
    expect((await mine.run(['profiles', 'add', '--name', 'cache', '--engine', 'sqlite', '--sqlite-path', '/tmp/cache.sqlite'])).code).toBe(0);
    const hostKey = `SHA256:${'Q'.repeat(43)}`;
    const bastion = ['--ssh', 'deploy@bastion.example.internal:2222', '--ssh-agent', '--accept-host-key', hostKey];
    const behind = await mine.run(['profiles', 'add', 'postgres://app@db.internal/orders', '--name', 'behind bastion', ...bastion]);
    expect(behind.code, output(behind)).toBe(0);
    const bundle = join(tempDir(), 'team.bundle');

    const exported = await mine.run(['profiles', 'export', '--bundle', bundle]);
    expect(exported.stdout, output(exported)).toContain(`Wrote 3 connections to ${bundle} (encrypted, with passwords): behind bastion, cache, shared db`);
    expect(statSync(bundle).mode & 0o777).toBe(0o600);
    const text = readFileSync(bundle, 'utf8');
    for (const secret of [pg.password, 'shared db', 'ask Ann', 'bastion.example.internal']) expect(text).not.toContain(secret);
    const refused = await mine.run(['profiles', 'export', '--bundle', bundle]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('exists: give --force to replace it');

    const colleagueHome = tempDir();
    const colleagueStore = { SWITCHYARD_HOME: colleagueHome, SWITCHYARD_PASSPHRASE: 'the colleague’s own store' };
    const wrong = await new Cli({ ...colleagueStore, SWITCHYARD_BUNDLE_PASSPHRASE: 'not the right passphrase' }).run(['profiles', 'import', bundle]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("The bundle's passphrase is wrong");
    expect(wrong.stderr).toContain('[E_BUNDLE_PASSPHRASE]');

    const colleague = new Cli({ ...colleagueStore, SWITCHYARD_BUNDLE_PASSPHRASE: bundlePassphrase });
    const imported = await colleague.run(['profiles', 'import', bundle]);
    expect(imported.stdout, output(imported)).toContain('Read as a Switchyard bundle, from its "format" field.');
    const theirs = await listed(colleague);
    expect(theirs).toEqual(await listed(mine));
    expect(theirs.find((p) => p.name === 'behind bastion')?.ssh).toMatchObject([{ host: 'bastion.example.internal', port: 2222, auth: 'agent', hostKey }]);
    expect((await colleague.run(['profiles', 'test', 'shared db'])).stdout).toContain('connected — PostgreSQL');
  });

  it("exports pgAdmin's servers.json without passwords, leaving SQLite out, and reads it back as pgAdmin", async () => {
    const cli = cliFor(tempDir());
    expect(
      (await cli.run(['profiles', 'add', '--name', 'orders', '--host', 'db.example.internal', '--database', 'orders', '--user', 'app', '--password-stdin']))
        .code,
    ).toBe(0);
    expect((await cli.run(['profiles', 'add', '--name', 'cache', '--engine', 'sqlite', '--sqlite-path', '/tmp/cache.sqlite'])).code).toBe(0);
    const file = join(tempDir(), 'servers.json');
    const exported = await cli.run(['profiles', 'export', '--pgadmin', file, '--json']);
    expect(JSON.parse(exported.stdout)).toEqual({ file, format: 'pgadmin', profiles: ['orders'], leftOut: ['cache'] });
    const again = await cliFor(tempDir()).run(['profiles', 'import', file, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({
      source: 'pgadmin',
      created: [{ name: 'orders', host: 'db.example.internal', user: 'app', hasPassword: false }],
    });
  });

  it("imports libpq's environment with --from env", async () => {
    const cli = cliFor(tempDir(), { PGHOST: pg.host, PGPORT: String(pg.port), PGUSER: pg.user, PGPASSWORD: pg.password, PGDATABASE: 'postgres' });
    const imported = await cli.run(['profiles', 'import', '--from', 'env', '--json']);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      source: 'env',
      created: [{ name: `${pg.user}@${pg.host}/postgres`, port: pg.port, hasPassword: true }],
    });
  });

  it('refuses a missing FILE, an unknown source and a file it cannot place, changing nothing', async () => {
    const cli = cliFor(tempDir());
    expect((await cli.run(['profiles', 'import'])).code).toBe(2);
    expect((await cli.run(['profiles', 'import', 'x', '--from', 'toad'])).stderr).toContain('--from must be one of pgadmin, dbeaver');
    const unknown = join(tempDir(), 'notes.txt');
    writeFileSync(unknown, 'hello\n');
    const refused = await cli.run(['profiles', 'import', unknown]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Could not tell which tool wrote notes.txt');
    expect(await listed(cli)).toEqual([]);
  });
});
