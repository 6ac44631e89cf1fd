import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { writeNativeProject } from '../../support/nativeProject';
import { scratchDatabase } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');
const bin = resolve('bin/switchyard.mjs');

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: '', PGPASSWORD: server.password, ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('switchyard status / upgrade / downgrade / stamp', () => {
  it('works against a --url with the password from PGPASSWORD, with CI-friendly exit codes and stable JSON', async () => {
    const database = await scratchDatabase(server, 'cli');
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, [
      { id: 'c1', parents: [], message: 'one', up: 'CREATE TABLE one (id int);', down: 'DROP TABLE one;' },
      { id: 'c2', parents: ['c1'], message: 'two', up: 'CREATE TABLE two (id int);', down: 'DROP TABLE two;' },
    ]);
    const url = `postgres://${server.user}@${server.host}:${server.port}/${database}`;
    const common = ['--url', url, '--project', project];

    const pending = cli(['status', ...common, '--check']);
    expect(pending.code).toBe(3);
    expect(pending.stdout).toContain('pending:  2 revisions');

    const dry = cli(['upgrade', ...common, '--to', 'c1', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('CREATE TABLE one (id int);');
    expect(JSON.parse(cli(['status', ...common, '--json']).stdout)).toMatchObject({ applied: [], pending: ['c1', 'c2'] });

    const up = cli(['upgrade', ...common, '--json']);
    expect(up.code).toBe(0);
    expect(JSON.parse(up.stdout)).toMatchObject({
      steps: [
        { revision: 'c1', direction: 'up' },
        { revision: 'c2', direction: 'up' },
      ],
      status: { heads: ['c2'], pending: [] },
    });

    const status = JSON.parse(cli(['status', ...common, '--json', '--check']).stdout) as Record<string, unknown>;
    expect(status).toMatchObject({ applied: ['c1', 'c2'], heads: ['c2'], pending: [], unknown: [], changed: [] });
    expect(cli(['status', ...common, '--check']).code).toBe(0);

    expect(cli(['downgrade', ...common]).code).toBe(2);
    // The upgrade's JSON above carries the schema check after it; this downgrade is about its step alone.
    const down = cli(['downgrade', ...common, '--to', 'c1', '--no-schema-check']);
    expect(down.stdout).toContain('Ran 1 revision in');
    expect(cli(['stamp', ...common, '--to', 'base', '--down']).stdout).toContain('now at base');
  });

  it('says a stamp ran no SQL, without a timing, and which tables it takes to be there; a stamp down which it leaves behind', () => {
    const home = tempDir();
    const project = join(home, 'migrations');
    writeNativeProject(project, [
      { id: 's1', parents: [], message: 'users', up: 'CREATE TABLE users (id INTEGER PRIMARY KEY);', down: 'DROP TABLE users;' },
      { id: 's2', parents: ['s1'], message: 'a view', up: 'CREATE VIEW user_ids AS SELECT id FROM users;', down: 'DROP VIEW user_ids;' },
    ]);
    const common = ['--url', `sqlite://${join(home, 'shop.sqlite')}`, '--project', project];

    const stamp = cli(['stamp', ...common, '--to', 'heads']);
    expect(stamp.code, stamp.stderr).toBe(0);
    expect(stamp.stdout).toContain(
      'Stamped: 2 revisions recorded as applied. No SQL ran; now at s2.\n' +
        'Their SQL would create these tables; a stamp creates none of them, so they should already exist:\n' +
        '  s1: users\n  s2: no table\n',
    );
    expect(stamp.stdout).not.toMatch(/ in \d+ ms|▲/);

    const down = cli(['stamp', ...common, '--to', 'base', '--down']);
    expect(down.code, down.stderr).toBe(0);
    expect(down.stdout).toContain(
      'Stamped down: the records of 2 revisions removed. No SQL ran: their tables stay; now at base.\n' +
        'Their SQL created these tables; a stamp down drops none of them:\n' +
        '  s2: no table\n  s1: users\n',
    );
    expect(down.stdout).not.toMatch(/ in \d+ ms|▼/);
  });

  it('refuses a production target without --yes-production', async () => {
    const database = await scratchDatabase(server, 'cli');
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, [{ id: 'p1', parents: [], message: 'one', up: 'CREATE TABLE one (id int);' }]);
    const common = ['--url', `postgres://${server.user}@${server.host}:${server.port}/${database}`, '--project', project, '--env', 'prod'];
    const refused = cli(['upgrade', ...common]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--yes-production');
    expect(cli(['upgrade', ...common, '--yes-production', '--no-schema-check']).code).toBe(0);
  });

  it('refuses to upgrade or plan through a cycle of revisions, naming it, and status --check says why they stay pending', async () => {
    const database = await scratchDatabase(server, 'cycle');
    const project = join(tempDir(), 'migrations');
    // a → c → b → a through their parents, beside a sound root d.
    writeNativeProject(project, [
      { id: 'a', parents: ['c'], message: 'a', up: 'CREATE TABLE a (id int);' },
      { id: 'b', parents: ['a'], message: 'b', up: 'CREATE TABLE b (id int);' },
      { id: 'c', parents: ['b'], message: 'c', up: 'CREATE TABLE c (id int);' },
      { id: 'd', parents: [], message: 'd', up: 'CREATE TABLE d (id int);' },
    ]);
    const common = ['--url', `postgres://${server.user}@${server.host}:${server.port}/${database}`, '--project', project];

    const upgrade = cli(['upgrade', ...common]);
    expect(upgrade.code).toBe(1);
    expect(upgrade.stderr).toContain('a → c → b → a');
    expect(upgrade.stderr).toContain('[E_CYCLE]');
    expect(upgrade.stdout).not.toContain('now at');

    const plan = cli(['plan', '--project', project, '--to', 'heads']);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toContain('[E_CYCLE]');

    const check = cli(['status', ...common, '--check']);
    expect(check.code).toBe(3);
    expect(check.stdout).toMatch(/blocked: .*a → c → b → a/);
    expect(check.stdout).not.toContain('E_CYCLE');
    expect(JSON.parse(cli(['status', ...common, '--json']).stdout)).toMatchObject({ applied: [], blockedBy: expect.stringContaining('a → c → b → a') });
  });
});
