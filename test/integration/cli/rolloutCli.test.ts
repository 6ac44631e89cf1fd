// `switchyard rollout` as a user runs it, over SQLite databases of a group: usage errors (exit 2), the
// production refusal naming --yes-production with nothing run, a failure with --continue-on-error
// (exit 1, the resume command printed) and that printed command run through a shell once fixed,
// list, show and the CSV export.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Rollout, RolloutListing } from '../../../src-shared/model/rollout';
import { createServices } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { Cli, output, printedCommand } from '../../support/cliProcess';
import { writeNativeProject } from '../../support/nativeProject';
import { execSqlite } from '../../support/sqliteFile';
import { tempDir } from '../../support/tempDir';

const passphrase = 'rollout cli test passphrase';
const context = { actor: 'tester via test' };

/** A store with three SQLite tenants in the group "tenants" (the last one production) and the project "billing". */
async function tenants(): Promise<{ cli: Cli; home: string; files: string[] }> {
  const home = tempDir();
  const project = join(home, 'migrations');
  writeNativeProject(project, [
    { id: 'b1', parents: [], message: 'invoices', up: 'CREATE TABLE invoices (id INTEGER CHECK (id > 0));' },
    // Fails on a database that has a table named poison: a CHECK violation half-way through the history.
    { id: 'b2', parents: ['b1'], message: 'seed', up: "INSERT INTO invoices SELECT -1 FROM sqlite_schema WHERE name = 'poison';" },
    { id: 'b3', parents: ['b2'], message: 'payments', up: 'CREATE TABLE payments (id INTEGER);' },
  ]);
  const services = createServices({ dataDir: home, onUnexpectedError: () => undefined });
  await services.session.unlock(passphraseKeyProvider(passphrase, { N: 1024, r: 8, p: 1 }));
  const files = ['t1', 't2', 't3'].map((name) => join(home, `${name}.sqlite`));
  const ids: string[] = [];
  for (const [i, file] of files.entries()) {
    const profile = { name: `tenant ${i + 1}`, environment: i === 2 ? 'prod' : 'staging', engine: 'sqlite', sqlitePath: file };
    const created = await services.dispatch('profiles.create', { profile }, context);
    if (!created.ok) throw new Error(created.error.message);
    ids.push((created.value as { id: string }).id);
  }
  for (const [method, input] of [
    ['projects.create', { project: { name: 'billing', dir: project, format: 'native' } }],
    ['groups.create', { group: { name: 'tenants', profileIds: ids } }],
  ] as const) {
    const result = await services.dispatch(method, input, context);
    if (!result.ok) throw new Error(result.error.message);
  }
  services.close();
  return { cli: new Cli({ SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase }), home, files };
}

describe('switchyard rollout', () => {
  it('refuses bad flags as usage errors (exit 2), naming what is missing', async () => {
    const { cli } = await tenants();
    const cases: Array<[string[], string]> = [
      [['rollout'], 'rollout needs --project NAME'],
      [['rollout', '--project', 'billing', '--to', 'heads'], 'rollout needs either --group G or --env E, not both'],
      [['rollout', '--project', 'billing', '--group', 'tenants', '--env', 'prod', '--to', 'heads'], 'either --group G or --env E, not both'],
      [['rollout', '--project', 'billing', '--group', 'tenants'], 'rollout needs --to TARGET'],
      [['rollout', '--project', 'billing', '--group', 'tenants', '--to', 'heads', '--concurrency', 'many'], '--concurrency takes a whole number'],
      [['rollout', '--project', 'billing', '--group', 'tenants', '--to', 'heads', '--concurrency', '0'], '--concurrency: The concurrency is at least 1'],
      [['rollout', '--project', 'billing', '--group', 'tenants', '--to', 'heads', '--bogus'], "Unknown option '--bogus'"],
      [['rollout', '--resume', 'last', '--group', 'tenants'], '--group starts a new rollout; it does not go with --resume'],
      [['rollout', 'list', 'extra'], 'rollout list takes no argument'],
      [['rollout', 'deploy'], 'Unexpected argument "deploy"'],
      [['rollout', 'show'], "rollout show needs a rollout's id, or last"],
    ];
    for (const [args, message] of cases) {
      const run = await cli.run(args);
      expect(run.code, output(run)).toBe(2);
      expect(run.stderr).toContain(message);
    }
  });

  it('runs on production only with --yes-production, stops nothing with --continue-on-error, and resumes by the printed command', async () => {
    const { cli, files } = await tenants();
    const start = ['rollout', '--project', 'billing', '--group', 'tenants', '--to', 'heads', '--continue-on-error'];
    const refused = await cli.run(start);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "This rollout runs on a production connection (tenant 3): type the group's name (tenants) to run it. Nothing was changed. From the CLI: add --yes-production.",
    );
    expect(refused.stderr).toContain('[E_CONFIRMATION_REQUIRED]');
    expect(JSON.parse((await cli.run(['rollout', 'list', '--json'])).stdout)).toEqual([]);

    execSqlite(files[1]!, 'CREATE TABLE poison (id INTEGER);');
    const failed = await cli.run([...start, '--yes-production']);
    expect(failed.code, output(failed)).toBe(1);
    expect(failed.stdout).toMatch(/tenant 2 +failed +1 +failed at 002_b2\.sql:\d+: b2 failed at 002_b2\.sql:\d+:\d+: CHECK constraint failed/);
    expect(failed.stdout).toMatch(/tenant 3 +done +3 +done, 3 revisions applied/);
    expect(failed.stdout).toContain(': failed, 2 done, 1 failed of 3.');
    const resume = printedCommand(failed.stdout, 'rollout --resume');
    expect(resume).toMatch(/^switchyard rollout --resume [0-9a-f-]{36}$/);

    // Only tenant 2 runs again, a staging connection: the resume asks for no confirmation.
    execSqlite(files[1]!, 'DROP TABLE poison;');
    const resumed = await cli.runPrinted(`${resume!} --json`);
    expect(resumed.code, output(resumed)).toBe(0);
    const rollout = JSON.parse(resumed.stdout) as Rollout;
    expect(rollout.items.map((i) => [i.name, i.state, i.applied, i.passes])).toEqual([
      ['tenant 1', 'done', ['b1', 'b2', 'b3'], 1],
      ['tenant 2', 'done', ['b1', 'b2', 'b3'], 2],
      ['tenant 3', 'done', ['b1', 'b2', 'b3'], 1],
    ]);

    const [listed] = JSON.parse((await cli.run(['rollout', 'list', '--json'])).stdout) as RolloutListing[];
    expect(listed).toMatchObject({ id: rollout.id, state: 'done', scope: 'group tenants of billing', counts: { total: 3, done: 3 } });
    const csv = await cli.run(['rollout', 'show', rollout.id.slice(0, 8), '--csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe(
      'position,database,state,applied,revisions,holder,failure_code,failure_location,failure,started_at,finished_at,role',
    );
    expect(csv.stdout).toContain('\r\n2,tenant 2,done,3,b1 b2 b3,,,,,');
    const missing = await cli.run(['rollout', 'show', 'ffffffff']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No rollout ffffffff');
  });
});
