// switchyard matrix, promote, drift and rollout through the real CLI on a project with bindings (auth
// and specs, each its own chain, two PostgreSQL databases per environment): the matrix shows each
// database its own branch (— on the other's), promote --dry-run shows each database's SQL in binding
// order and the promotion says what each database applied, drift compares each database with its
// own branch (exit 4 naming the drifted one), and rollout --role runs the one role of an environment.
import { describe, expect, it } from 'vitest';
import { boundEnvironments } from '../../support/boundEnvironments';
import { Cli, output } from '../../support/cliProcess';

describe('switchyard matrix|promote|drift|rollout on a project with bindings', () => {
  it('reads, promotes and compares each database on its own branch', async () => {
    const envs = await boundEnvironments('socrates', ['staging', 'prod']);
    expect(await envs.run('staging', 'upgrade', 'heads')).toBeUndefined();
    expect(await envs.run('prod', 'upgrade', 'a1')).toBeUndefined();
    envs.services.close();
    const cli = new Cli({ SWITCHYARD_HOME: envs.home, SWITCHYARD_PASSPHRASE: envs.passphrase });

    const matrix = await cli.run(['matrix', '--project', 'socrates']);
    expect(matrix.code, output(matrix)).toBe(0);
    expect(matrix.stdout).toContain('prod/socrates_prod_specs (specs)');
    const row = (id: string) =>
      matrix.stdout
        .split('\n')
        .find((line) => line.startsWith(`${id} `))
        ?.split(/\s{2,}/);
    // Columns: staging auth, staging specs, prod auth, prod specs.
    expect(row('s1')).toEqual(['s1', '—', 'applied', '—', '·']);
    expect(row('a2')).toEqual(['a2', 'applied', '—', '·', '—']);
    expect(matrix.stdout).toContain('Databases, in binding order: auth (auth), specs (specs).');
    expect(matrix.stdout).toContain('prod lacks 3 revisions of staging: s1, s2, a2 (a plain upgrade).');

    const dry = await cli.run(['promote', '--project', 'socrates', '--from', 'staging', '--to', 'prod', '--dry-run']);
    expect(dry.code, output(dry)).toBe(0);
    const auth = dry.stdout.indexOf('-- auth database: socrates_prod_auth');
    const specs = dry.stdout.indexOf('-- specs database: socrates_prod_specs');
    expect(auth).toBeGreaterThan(-1);
    expect(specs).toBeGreaterThan(auth);
    expect(dry.stdout.slice(auth, specs)).toContain('CREATE TABLE sessions');
    expect(dry.stdout.slice(auth, specs)).not.toContain('CREATE TABLE specs');

    const promoted = await cli.run(['promote', '--project', 'socrates', '--from', 'staging', '--to', 'prod', '--yes-production']);
    expect(promoted.code, output(promoted)).toBe(0);
    expect(promoted.stdout).toContain('Promoted staging to prod: auth (socrates_prod_auth): applied a2; specs (socrates_prod_specs): applied s1, s2.');
    expect(await envs.versions('prod', 'auth')).toEqual(['a1', 'a2']);
    expect(await envs.versions('prod', 'specs')).toEqual(['s1', 's2']);

    const clean = await cli.run(['drift', '--project', 'socrates', '--env', 'prod']);
    expect(clean.code, output(clean)).toBe(0);
    expect(clean.stdout).toContain('auth — socrates_prod_auth (bound: auth)');
    expect(clean.stdout).toContain('specs — socrates_prod_specs (bound: specs)');
    expect(clean.stdout.match(/no drift\./g)).toHaveLength(2);

    await envs.query('prod', 'specs', 'ALTER TABLE specs ADD COLUMN note text');
    const drifted = await cli.run(['drift', '--project', 'socrates', '--env', 'prod']);
    expect(drifted.code, output(drifted)).toBe(4);
    const [authPart, specsPart] = drifted.stdout.split('specs — socrates_prod_specs');
    expect(authPart).toContain('no drift.');
    expect(specsPart).toContain('column "public"."specs"."note"');
  });

  it('rolls out one role of an environment with --role', async () => {
    const envs = await boundEnvironments('socrates', ['fleet']);
    envs.services.close();
    const cli = new Cli({ SWITCHYARD_HOME: envs.home, SWITCHYARD_PASSPHRASE: envs.passphrase });
    const rolled = await cli.run(['rollout', '--project', 'socrates', '--env', 'fleet', '--role', 'specs', '--to', 'heads']);
    expect(rolled.code, output(rolled)).toBe(0);
    expect(rolled.stdout).toContain('socrates_fleet_specs');
    expect(rolled.stdout).not.toContain('socrates_fleet_auth');
    // The table names each database's role beside it.
    expect(rolled.stdout).toMatch(/DATABASE\s+ROLE\s+STATE/);
    expect(rolled.stdout).toMatch(/socrates_fleet_specs\s+specs\s+done/);
    expect(await envs.versions('fleet', 'specs')).toEqual(['s1', 's2']);
    expect(await envs.versions('fleet', 'auth')).toEqual([]);
  });
});
