// `switchyard projects` and `groups` as a user runs them, on real SQLite databases: a project from a
// folder with the connections bound to it, environments in the order asked, the --project NAME
// --env ENV form of the database commands (one connection, several to pick from, none left), and
// every wrong call refused with its reason and exit code.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Group, Project } from '../../../src-shared/model/project';
import type { MigrationStatus } from '../../../src-shared/model/status';
import { type Cli, output, printedCommand } from '../../support/cliProcess';
import { cliWithStore } from '../../support/cliStore';
import { writeNativeProject } from '../../support/nativeProject';
import { tempDir } from '../../support/tempDir';

function shopProject(): string {
  const dir = join(tempDir(), 'shop', 'migrations');
  writeNativeProject(dir, [
    { id: 'a1', parents: [], message: 'customers', up: 'CREATE TABLE customers (id INTEGER PRIMARY KEY);' },
    { id: 'a2', parents: ['a1'], message: 'orders', up: 'CREATE TABLE orders (id INTEGER PRIMARY KEY);' },
  ]);
  return dir;
}

async function withConnections(dir: string, names: [string, string, boolean][]): Promise<Cli> {
  const cli = await cliWithStore({ SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: 'projects command test passphrase' });
  const files = tempDir();
  for (const [name, env, bound] of names) {
    const added = await cli.run([
      'profiles',
      'add',
      '--name',
      name,
      '--env',
      env,
      '--engine',
      'sqlite',
      '--sqlite-path',
      join(files, `${name}.db`),
      ...(bound ? ['--project', dir] : []),
    ]);
    expect(added.code, output(added)).toBe(0);
  }
  return cli;
}

describe('switchyard projects', () => {
  it('adds a project from a folder with the connections bound to it, orders environments, and reaches each through --project NAME --env ENV', async () => {
    const dir = shopProject();
    const cli = await withConnections(dir, [
      ['shop prod', 'prod', true],
      ['shop dev', 'dev', true],
      ['shop staging', 'staging', false],
    ]);

    const added = await cli.run(['projects', 'add', 'shop', dir]);
    expect(added.code, output(added)).toBe(0);
    expect(added.stdout).toContain(`shop: ${dir}`);
    expect(added.stdout).toContain('    dev: shop dev\n    prod: shop prod\n');
    expect(added.stdout).toContain('Read as native');
    expect(added.stdout).toContain(`Environments from the connections bound to ${dir}: dev, prod.`);

    const staged = await cli.run(['projects', 'env', 'SHOP', 'staging', 'shop staging', '--order', 'dev,staging,prod', '--json']);
    expect(staged.code, output(staged)).toBe(0);
    const project = JSON.parse(staged.stdout) as Project;
    expect(project.environments.map((e) => e.name)).toEqual(['dev', 'staging', 'prod']);

    const listed = await cli.run(['projects', 'list']);
    expect(listed.stdout).toMatch(/shop\s+auto\s+dev \(1\), staging \(1\), prod \(1\)/);

    // The staging connection is not bound to the folder: the project gives it.
    const status = await cli.run(['status', '--project', 'shop', '--env', 'staging', '--json']);
    expect(status.code, output(status)).toBe(0);
    expect((JSON.parse(status.stdout) as MigrationStatus).pending).toEqual(['a1', 'a2']);
    const upgraded = await cli.run(['upgrade', '--project', 'shop', '--env', 'staging', '--to', 'heads']);
    expect(upgraded.code, output(upgraded)).toBe(0);
    const after = await cli.run(['status', '--project', 'shop', '--env', 'staging', '--json']);
    expect((JSON.parse(after.stdout) as MigrationStatus).pending).toEqual([]);
    const drift = await cli.run(['drift', '--project', 'shop', '--env', 'staging']);
    expect(drift.code, output(drift)).toBe(0);

    // A removed connection leaves its environment, empty, and says how to fill it again.
    const removed = await cli.run(['profiles', 'remove', 'shop prod', '--yes']);
    expect(removed.code, output(removed)).toBe(0);
    const shown = await cli.run(['projects', 'show', 'shop']);
    expect(shown.stdout).toContain('    prod: no connections (none given, or removed): switchyard projects env shop prod PROFILE\n');
    const empty = await cli.run(['status', '--project', 'shop', '--env', 'prod']);
    expect(empty.code, output(empty)).toBe(2);
    expect(empty.stderr).toContain('No connection is in the environment prod of the project shop (none was given, or they were removed).');
    const hint = printedCommand(empty.stderr, 'projects env');
    expect(hint).toBe('switchyard projects env shop prod PROFILE');
    const refilled = await cli.runPrinted((hint as string).replace('PROFILE', "'shop staging'"));
    expect(refilled.code, output(refilled)).toBe(0);
    expect((await cli.run(['status', '--project', 'shop', '--env', 'prod'])).code).toBe(0);
  });

  it('asks which connection when an environment has several, and takes --role or --profile to pick', async () => {
    const dir = shopProject();
    const cli = await withConnections(dir, [
      ['auth dev', 'dev', false],
      ['specs dev', 'dev', false],
    ]);
    expect((await cli.run(['projects', 'add', 'specs', dir])).code).toBe(0);
    const set = await cli.run(['projects', 'env', 'specs', 'dev', 'auth=auth dev', 'specs=specs dev']);
    expect(set.code, output(set)).toBe(0);
    expect(set.stdout).toContain('    dev: auth=auth dev, specs=specs dev\n');

    const several = await cli.run(['status', '--project', 'specs', '--env', 'dev']);
    expect(several.code, output(several)).toBe(2);
    expect(several.stderr).toContain(
      '2 connections are in the environment dev of the project specs: auth dev (role auth), specs dev (role specs). Pick one with --role ROLE or --profile NAME',
    );
    expect((await cli.run(['status', '--project', 'specs', '--env', 'dev', '--role', 'auth'])).code).toBe(0);
    expect((await cli.run(['status', '--project', 'specs', '--env', 'dev', '--profile', 'specs dev'])).code).toBe(0);
    const none = await cli.run(['status', '--project', 'specs', '--env', 'dev', '--role', 'billing']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('No connection of the environment dev of the project specs matches --role billing');
    const unknownEnv = await cli.run(['status', '--project', 'specs', '--env', 'qa']);
    expect(unknownEnv.code).toBe(1);
    expect(unknownEnv.stderr).toContain('The project "specs" has no environment "qa" (its environments: dev).');
    const roleAlone = await cli.run(['status', '--profile', 'auth dev', '--role', 'auth']);
    expect(roleAlone.code).toBe(2);

    const bound = await cli.run(['projects', 'bind', 'specs', 'billing', 'billing']);
    expect(bound.code, output(bound)).toBe(0);
    expect(bound.stdout).toContain('  bindings: billing on the billing database\n');
    expect(bound.stdout).toContain(
      'No connection plays the role billing yet: give it one in each environment with switchyard projects env specs ENV billing=PROFILE',
    );
    expect((await cli.run(['projects', 'unbind', 'specs', 'billing'])).code).toBe(0);
    const unbound = await cli.run(['projects', 'unbind', 'specs', 'billing']);
    expect(unbound.code).toBe(1);
    expect(unbound.stderr).toContain('The project "specs" binds no label "billing". Nothing was changed.');
  });

  it('refuses wrong calls with their reason: usage errors exit 2, refusals exit 1, nothing changed', async () => {
    const dir = shopProject();
    const cli = await withConnections(dir, [['shop dev', 'dev', true]]);
    expect((await cli.run(['projects', 'add', 'shop', dir])).code).toBe(0);

    const taken = await cli.run(['projects', 'add', 'SHOP', dir]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('A project named "shop" already exists (names are compared ignoring case).');
    expect(taken.stderr).toContain('[E_DUPLICATE_NAME]');
    const nowhere = await cli.run(['projects', 'add', 'other', join(dir, 'nowhere')]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toContain('[E_PROJECT_NOT_FOUND]');
    const format = await cli.run(['projects', 'add', 'other', dir, '--format', 'liquibase']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format:');
    const name = await cli.run(['projects', 'add', 'my project', dir]);
    expect(name.code).toBe(2);
    expect(name.stderr).toContain("NAME: A project name is letters, digits, '.', '_' or '-'");
    expect((await cli.run(['projects', 'add', 'other'])).stderr).toContain('projects add takes NAME DIR.');
    expect((await cli.run(['projects', 'launch'])).code).toBe(2);
    expect((await cli.run(['projects', 'list', '--bogus'])).code).toBe(2);
    expect((await cli.run(['projects', 'show', 'shop', '--order', 'dev'])).code).toBe(2);
    const order = await cli.run(['projects', 'env', 'shop', 'dev', 'shop dev', '--order', 'dev,qa']);
    expect(order.code).toBe(1);
    expect(order.stderr).toContain('The order names qa, which the project "shop" does not have (its environments: dev). Nothing was changed.');
    const stranger = await cli.run(['projects', 'env', 'shop', 'prod', 'nobody']);
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toContain('No connection profile named "nobody".');

    const json = await cli.run(['projects', 'list', '--json']);
    expect((JSON.parse(json.stdout) as Project[]).map((p) => [p.name, p.environments.map((e) => e.name)])).toEqual([['shop', ['dev']]]);
    const gone = await cli.run(['projects', 'remove', 'Shop']);
    expect(gone.stdout).toBe('Project shop removed (its connections and databases are untouched).\n');
    expect((await cli.run(['projects', 'show', 'shop'])).stderr).toContain('No project named "shop" (switchyard projects list shows them).');
    const audit = await cli.run(['audit', '--json']);
    expect(audit.stdout).toContain('"action": "project.remove"');
  });
});

describe('switchyard groups', () => {
  it('adds connections in order, says what was in already, removes members and the group', async () => {
    const cli = await withConnections(shopProject(), [
      ['tenant a', 'prod', false],
      ['tenant b', 'prod', false],
    ]);
    const made = await cli.run(['groups', 'add', 'tenants', 'tenant b']);
    expect(made.code, output(made)).toBe(0);
    expect(made.stdout).toBe('tenants, 1 connection in rollout order:\n  tenant b\nGroup tenants made.\n');
    const more = await cli.run(['groups', 'add', 'Tenants', 'tenant a', 'tenant b']);
    expect(more.stdout).toBe('tenants, 2 connections in rollout order:\n  tenant b\n  tenant a\nAlready in the group, left where they were: tenant b.\n');
    const listed = await cli.run(['groups', 'list', '--json']);
    expect((JSON.parse(listed.stdout) as (Group & { profiles: string[] })[]).map((g) => [g.name, g.profiles])).toEqual([['tenants', ['tenant b', 'tenant a']]]);

    const stranger = await cli.run(['groups', 'remove', 'tenants', 'tenant a', 'tenant a', 'shop']);
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toContain('No connection profile named "shop".');
    expect((await cli.run(['groups', 'remove', 'tenants', 'tenant a'])).stdout).toBe('tenants, 1 connection in rollout order:\n  tenant b\n');
    const notIn = await cli.run(['groups', 'remove', 'tenants', 'tenant a']);
    expect(notIn.code).toBe(1);
    expect(notIn.stderr).toContain('tenant a is not in the group "tenants". Nothing was changed.');
    expect((await cli.run(['groups', 'list', 'tenants', 'extra'])).code).toBe(2);
    expect((await cli.run(['groups', 'remove', 'tenants'])).stdout).toBe('Group tenants removed (its connections and databases are untouched).\n');
    expect((await cli.run(['groups', 'list'])).stdout).toBe('No groups yet: switchyard groups add NAME PROFILE\n');
  });
});
