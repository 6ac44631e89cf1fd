// A project with bindings (auth and specs, each its own chain on its own PostgreSQL database) through
// the matrix, promotion and fleet rollouts: each database shows and compares only its own branch;
// promoting staging to prod runs database after database in the bindings' order and stops at the
// first failure (saying what each ran, the other not started); a rollout over an environment runs
// the auth databases first, skips the specs databases when one fails, and a resume finishes both.
import { describe, expect, it } from 'vitest';
import type { PromotionRecord } from '../../../src-shared/model/promotion';
import { actor, boundEnvironments } from '../../support/boundEnvironments';
import { callAs, operationToEnd } from '../../support/serviceCalls';

const promotion = { project: 'socrates', from: 'staging', to: 'prod' };

const states = (matrix: Awaited<ReturnType<typeof load>>, profileName: string) => {
  const column = matrix.columns.find((c) => c.profileName === profileName);
  return Object.fromEntries(matrix.rows.map((r, i) => [r.id, column?.cells[i]?.state]));
};
const load = (envs: Awaited<ReturnType<typeof boundEnvironments>>) => callAs(envs.services, actor, 'matrix.load', { project: 'socrates' });

describe('a project with bindings across environments', () => {
  it('shows each database its own branch in the matrix, and promotes database by database in binding order, stopping at the first failure', async () => {
    const envs = await boundEnvironments('socrates', ['staging', 'prod']);
    expect(await envs.run('staging', 'upgrade', 'heads')).toBeUndefined();
    expect(await envs.run('prod', 'upgrade', 'a1')).toBeUndefined();

    const matrix = await load(envs);
    expect(states(matrix, 'socrates_prod_auth')).toEqual({ a2: 'pending', a1: 'applied', s2: 'elsewhere', s1: 'elsewhere' });
    expect(states(matrix, 'socrates_prod_specs')).toEqual({ a2: 'elsewhere', a1: 'elsewhere', s2: 'pending', s1: 'pending' });
    expect(states(matrix, 'socrates_staging_specs')).toEqual({ a2: 'elsewhere', a1: 'elsewhere', s2: 'applied', s1: 'applied' });
    expect(matrix.columns.map((c) => [c.profileName, c.heads])).toEqual([
      ['socrates_staging_auth', ['a2']],
      ['socrates_staging_specs', ['s2']],
      ['socrates_prod_auth', ['a1']],
      ['socrates_prod_specs', []],
    ]);
    expect(matrix.gaps).toEqual([{ from: 'staging', to: 'prod', toApply: ['s1', 's2', 'a2'], toRevert: [], kind: 'upgrade' }]);

    const preview = await callAs(envs.services, actor, 'promotion.preview', promotion);
    expect(preview.targets.map((t) => [t.role, t.profileName, t.toApply, t.runTo])).toEqual([
      ['auth', 'socrates_prod_auth', ['a2'], ['a2']],
      ['specs', 'socrates_prod_specs', ['s1', 's2'], ['s2']],
    ]);
    expect(preview.targets[1]?.sql).toContain('CREATE TABLE generated_files');
    expect(preview.targets[1]?.sql).not.toContain('CREATE TABLE sessions');
    expect(preview.gates.filter((g) => g.status === 'failed')).toEqual([]);
    expect(preview.confirmationName).toBe('prod');

    // The auth database fails a2: the specs database, after it in binding order, does not start. (Not
    // rehearsed, so the run itself fails: a rehearsal would have refused it first, promotionRehearsalCli.)
    await envs.query('prod', 'auth', 'CREATE TABLE poison (id int)');
    const failed = await operationToEnd(envs.services, actor, 'promotion.run', { ...promotion, confirmation: { typedName: 'prod' }, rehearsal: 'skip' });
    const record = (failed.error?.detail as { record?: PromotionRecord } | undefined)?.record;
    expect(record?.targets.map((t) => [t.role, t.outcome, t.applied])).toEqual([
      ['auth', 'failed', []],
      ['specs', 'notStarted', []],
    ]);
    expect(failed.error?.message).toContain('failed on socrates_prod_auth');
    expect(failed.error?.message).toContain('specs (socrates_prod_specs): not started');
    expect(await envs.versions('prod', 'specs')).toEqual([]);
    expect(await envs.versions('prod', 'auth')).toEqual(['a1']);

    await envs.query('prod', 'auth', 'DROP TABLE poison');
    const promoted = await operationToEnd(envs.services, actor, 'promotion.run', { ...promotion, confirmation: { typedName: 'prod' } });
    expect(promoted.error).toBeUndefined();
    expect(promoted.result?.targets.map((t) => [t.role, t.outcome, t.applied, t.rehearsal?.state])).toEqual([
      ['auth', 'done', ['a2'], 'rehearsed'],
      ['specs', 'done', ['s1', 's2'], 'rehearsed'],
    ]);
    // Each version table holds its own branch only.
    expect(await envs.versions('prod', 'auth')).toEqual(['a1', 'a2']);
    expect(await envs.versions('prod', 'specs')).toEqual(['s1', 's2']);
    expect((await load(envs)).gaps[0]?.kind).toBe('level');
  });

  it('previews a coordinated run per database through the API, changing nothing, and compares each database with its own branch', async () => {
    const envs = await boundEnvironments('socrates', ['qa']);
    const bad = await envs.services.dispatch('bindings.preview', { project: 'socrates', env: 'qa', action: 'sideways', to: 'heads' }, { actor });
    expect(bad.ok ? undefined : bad.error.code).toBe('E_INVALID_INPUT');
    const preview = await callAs(envs.services, actor, 'bindings.preview', { project: 'socrates', env: 'qa', action: 'upgrade', to: 'heads' });
    expect(preview.databases.map((d) => [d.role, d.targets, d.steps, d.error])).toEqual([
      ['auth', ['a2'], ['a1', 'a2'], undefined],
      ['specs', ['s2'], ['s1', 's2'], undefined],
    ]);
    expect(preview.databases[0]?.sql).toContain('CREATE TABLE users');
    expect(preview.databases[0]?.sql).not.toContain('CREATE TABLE specs');
    expect([await envs.versions('qa', 'auth'), await envs.versions('qa', 'specs')]).toEqual([[], []]);

    expect(await envs.run('qa', 'upgrade', 'heads')).toBeUndefined();
    await envs.query('qa', 'auth', 'CREATE TABLE by_hand (id int)');
    const drift = await callAs(envs.services, actor, 'bindings.drift', { project: 'socrates', env: 'qa' });
    expect(drift.databases.map((d) => [d.role, d.report?.expected.revisions, d.report?.objects.map((o) => o.key), d.error])).toEqual([
      ['auth', ['a2'], ['table:"public"."by_hand"'], undefined],
      ['specs', ['s2'], [], undefined],
    ]);
  });

  it('rolls out over an environment role by role, skips the next role after a failure, and resumes without applying anything twice', async () => {
    const envs = await boundEnvironments('socrates', ['fleet']);
    await envs.query('fleet', 'auth', 'CREATE TABLE poison (id int)');
    const first = await operationToEnd(envs.services, actor, 'rollouts.start', { request: { project: 'socrates', env: 'fleet', to: 'heads' } });
    expect(first.result?.state).toBe('failed');
    expect(first.result?.items.map((i) => [i.name, i.state, i.applied])).toEqual([
      ['socrates_fleet_auth', 'failed', ['a1']],
      ['socrates_fleet_specs', 'skipped', []],
    ]);
    expect(first.logs.join('\n')).toContain('The specs database did not start: a auth database did not finish, and auth runs before specs.');
    expect(await envs.versions('fleet', 'specs')).toEqual([]);

    await envs.query('fleet', 'auth', 'DROP TABLE poison');
    const resumed = await operationToEnd(envs.services, actor, 'rollouts.resume', { id: 'last' });
    expect(resumed.result?.state).toBe('done');
    expect(resumed.result?.items.map((i) => [i.name, i.state, i.applied])).toEqual([
      ['socrates_fleet_auth', 'done', ['a1', 'a2']],
      ['socrates_fleet_specs', 'done', ['s1', 's2']],
    ]);
    expect(await envs.versions('fleet', 'auth')).toEqual(['a1', 'a2']);
    expect(await envs.versions('fleet', 'specs')).toEqual(['s1', 's2']);

    // A group's members are no role of their own: the rollout asks which database they are.
    await callAs(envs.services, actor, 'groups.create', { group: { name: 'spec-dbs', profileIds: [envs.profiles.fleet_specs as string] } });
    const unsaid = await operationToEnd(envs.services, actor, 'rollouts.start', { request: { project: 'socrates', group: 'spec-dbs', to: 'heads' } });
    expect(unsaid.error?.code).toBe('E_INVALID_INPUT');
    expect(unsaid.error?.message).toContain('--role auth|specs');
    const said = await operationToEnd(envs.services, actor, 'rollouts.start', {
      request: { project: 'socrates', group: 'spec-dbs', role: 'specs', to: 'heads' },
    });
    expect(said.result?.items.map((i) => [i.name, i.state, i.applied])).toEqual([['socrates_fleet_specs', 'done', []]]);
  });
});
