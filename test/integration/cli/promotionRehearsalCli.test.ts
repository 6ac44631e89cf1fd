// Promotions and fleet rollouts rehearse as bound runs do, through the real CLI on real PostgreSQL: a
// project with two databases (auth and specs, each its own chain) promoted from dev to prod, and rolled
// out over prod. Each production database's plan is rehearsed on its own clone, in binding order,
// before anything runs anywhere; the specs database failing on its clone leaves both untouched; a
// rehearsal of the same plan on the same schema is reused and said; --rehearse runs nothing;
// --no-rehearse is said; a rollout's rows and journal say each database's rehearsal.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src-shared/model/audit';
import type { PromotionRecord } from '../../../src-shared/model/promotion';
import type { Rollout } from '../../../src-shared/model/rollout';
import { boundEnvironments, type Role } from '../../support/boundEnvironments';
import { Cli, output } from '../../support/cliProcess';
import type { RevisionSpec } from '../../support/nativeProject';

// Fails while a table named poison exists: a failure the test causes and then cures.
const poisoned = "DO $$ BEGIN IF to_regclass('public.poison') IS NOT NULL THEN RAISE EXCEPTION 'poisoned'; END IF; END $$;";
const specs: RevisionSpec[] = [
  { id: 'a1', parents: [], branch: 'auth', message: 'users', up: 'CREATE TABLE users (id int PRIMARY KEY);', down: 'DROP TABLE users;' },
  { id: 'a2', parents: ['a1'], message: 'refresh tokens', up: 'CREATE TABLE refresh_tokens (id int);', down: 'DROP TABLE refresh_tokens;' },
  { id: 's1', parents: [], branch: 'specs', message: 'projects', up: 'CREATE TABLE projects (id int);', down: 'DROP TABLE projects;' },
  // 004_s2.sql: the poisoned statement on line 6.
  { id: 's2', parents: ['s1'], message: 'specifications', up: `CREATE TABLE specifications (id int);\n${poisoned}`, down: 'DROP TABLE specifications;' },
];

/** dev connections (never rehearsed by default) and prod connections (rehearsed): NAME_dev_auth, NAME_prod_specs… */
async function project(name: string, environments: string[]) {
  const envs = await boundEnvironments(name, environments, { specs });
  for (const env of environments.filter((e) => e !== 'prod')) expect(await envs.run(env, 'upgrade', 'heads')).toBeUndefined();
  envs.services.close();
  const cli = new Cli({ SWITCHYARD_HOME: envs.home, SWITCHYARD_PASSPHRASE: envs.passphrase });
  const audit = async () => {
    const read = JSON.parse((await cli.run(['audit', '--json', '--limit', '200'])).stdout) as { entries?: AuditEntry[] } | AuditEntry[];
    return Array.isArray(read) ? read : (read.entries ?? []);
  };
  return { envs, cli, audit, prod: async () => [await envs.versions('prod', 'auth'), await envs.versions('prod', 'specs')] };
}

/** a3 on auth's chain, written after the start: something new to promote or roll out. */
function addA3(dir: string): void {
  writeFileSync(
    join(dir, '005_a3.sql'),
    '-- revision: a3\n-- parents: a2\n-- message: audit log\n-- migrate:up\nCREATE TABLE audit_log (id int);\n-- migrate:down\nDROP TABLE audit_log;\n',
  );
}

const rehearsals = (entries: AuditEntry[]) => entries.filter((e) => e.action.startsWith('runner.rehearse')).map((e) => [e.action, e.target]);

describe('promotions and rollouts rehearse each database on a clone first', () => {
  it('promotes to production only after each database rehearsed, in binding order; a failed clone runs nothing; reuse and --no-rehearse said', async () => {
    const { envs, cli, audit, prod } = await project('promoreh', ['dev', 'prod']);
    const promote = ['promote', '--project', 'promoreh', '--from', 'dev', '--to', 'prod'];
    await envs.query('prod', 'specs', 'CREATE TABLE poison (id int)');

    // The dry run says where each plan stands against its rehearsals.
    const dry = await cli.run([...promote, '--dry-run', '--json']);
    expect(dry.code, output(dry)).toBe(0);
    const preview = JSON.parse(dry.stdout) as { targets: Array<{ role: string; rehearsal?: { rehearsesByDefault: boolean; standing?: { state: string } } }> };
    expect(preview.targets.map((t) => [t.role, t.rehearsal?.rehearsesByDefault, t.rehearsal?.standing?.state])).toEqual([
      ['auth', true, 'none'],
      ['specs', true, 'none'],
    ]);

    // auth rehearses and succeeds, specs fails on its clone: neither database runs anything.
    const failed = await cli.run([...promote, '--yes-production']);
    expect(failed.code, output(failed)).toBe(1);
    expect(failed.stdout).toContain('Rehearsing the auth database (promoreh_prod_auth) on a clone of it…');
    expect(failed.stderr).toContain(
      'The rehearsal of the specs database (promoreh_prod_specs) failed on a clone, so the promotion of dev to prod ran on no database.\nauth (promoreh_prod_auth): rehearsed ✓ on a clone in ',
    );
    expect(failed.stderr).toMatch(/specs \(promoreh_prod_specs\): failed on the clone at \S*004_s2\.sql:6:\d+ \(s2\): .*poisoned/);
    expect(failed.stderr).toContain('[E_REHEARSAL_FAILED]');
    expect(await prod()).toEqual([[], []]);
    const afterFailure = await audit();
    expect(rehearsals(afterFailure)).toEqual([
      ['runner.rehearse.failed', 'promoreh_prod_specs'],
      ['runner.rehearse', 'promoreh_prod_auth'],
    ]);
    const refused = afterFailure.find((e) => e.action === 'promotion.failed')?.detail as unknown as PromotionRecord;
    expect(refused.targets.map((t) => [t.role, t.outcome, t.rehearsal?.state, t.rehearsal?.failure?.line])).toEqual([
      ['auth', 'notStarted', 'rehearsed', undefined],
      ['specs', 'notStarted', 'failed', 6],
    ]);
    expect(afterFailure.some((e) => e.action === 'runner.upgrade' && e.target.includes('_prod_'))).toBe(false);

    // Cured. --rehearsed refuses while the plan has no good rehearsal, and its hint is run as printed:
    // --rehearse, every database rehearsed anew, none run.
    await envs.query('prod', 'specs', 'DROP TABLE poison');
    const unrehearsed = await cli.run([...promote, '--yes-production', '--rehearsed']);
    expect(unrehearsed.code, output(unrehearsed)).toBe(1);
    expect(unrehearsed.stderr).toContain('[E_NOT_REHEARSED]');
    expect(unrehearsed.stderr).toContain('ran on no database');
    expect(await prod()).toEqual([[], []]);
    const hint = /Rehearse first \(switchyard ([^)]+)\)/.exec(unrehearsed.stderr)?.[1];
    expect(hint, output(unrehearsed)).toBe('promote --project promoreh --from dev --to prod --rehearse');
    const rehearsed = await cli.run(hint!.split(' '));
    expect(rehearsed.code, output(rehearsed)).toBe(0);
    expect(rehearsed.stdout).toMatch(
      /Every plan succeeded on a clone\. Nothing ran on the databases themselves \(a rehearsal alone\)\.\nauth \(promoreh_prod_auth\): rehearsed ✓ on a clone in \d+ ms\nspecs \(promoreh_prod_specs\): rehearsed ✓ on a clone in \d+ ms\n/,
    );
    expect(await prod()).toEqual([[], []]);
    expect((await audit()).some((e) => e.action === 'promotion.rehearse')).toBe(true);

    // The promotion reuses both rehearsals (same plan, same schema), says so, then runs.
    const ran = await cli.run([...promote, '--yes-production']);
    expect(ran.code, output(ran)).toBe(0);
    expect(ran.stdout).toContain(
      'Promoted dev to prod: auth (promoreh_prod_auth): applied a1, a2; specs (promoreh_prod_specs): applied s1, s2.\nRehearsals:\n',
    );
    expect(ran.stdout).toMatch(/ {2}auth \(promoreh_prod_auth\): rehearsed ✓ .+ \(same plan, same schema: not rehearsed again\)\n/);
    expect(ran.stdout).toMatch(/ {2}specs \(promoreh_prod_specs\): rehearsed ✓ .+ \(same plan, same schema: not rehearsed again\)\n/);
    expect(await prod()).toEqual([
      ['a1', 'a2'],
      ['s1', 's2'],
    ]);
    const recorded = (await audit()).find((e) => e.action === 'promotion.run')?.detail as unknown as PromotionRecord;
    expect([recorded.rehearsal, recorded.targets.map((t) => t.rehearsal?.state)]).toEqual(['protected', ['reused', 'reused']]);

    // Something new, promoted without rehearsals: said before it runs and on each line.
    addA3(envs.dir);
    expect((await cli.run(['upgrade', '--project', 'promoreh', '--env', 'dev'])).code).toBe(0);
    const before = rehearsals(await audit()).length;
    const skipped = await cli.run([...promote, '--yes-production', '--no-rehearse']);
    expect(skipped.code, output(skipped)).toBe(0);
    expect(skipped.stdout).toContain(
      'Not rehearsed: --no-rehearse given (the staging and production connections of prod rehearse on a clone first by default).',
    );
    expect(skipped.stdout).toContain('  auth (promoreh_prod_auth): not rehearsed: skipped when the promotion was started (--no-rehearse)');
    expect(rehearsals(await audit()).length).toBe(before);
    expect(await envs.versions('prod', 'auth')).toEqual(['a1', 'a2', 'a3']);
    expect((await cli.run([...promote, '--rehearse', '--no-rehearse'])).code).toBe(2);
  });

  it('rolls out over production after the canary of each role rehearsed; a failed clone runs nothing; a resume reuses; --no-rehearse said', async () => {
    const { envs, cli, audit, prod } = await project('fleetreh', ['prod']);
    const rollout = ['rollout', '--project', 'fleetreh', '--env', 'prod', '--to', 'heads', '--yes-production'];
    await envs.query('prod', 'specs', 'CREATE TABLE poison (id int)');

    const failed = await cli.run(rollout);
    expect(failed.code, output(failed)).toBe(1);
    expect(failed.stdout).toMatch(/REHEARSAL/);
    expect(failed.stdout).toMatch(/fleetreh_prod_auth +auth +skipped +0 +not started: the rollout stopped first +rehearsed ✓ on a clone in \d+ ms/);
    expect(failed.stdout).toMatch(
      /fleetreh_prod_specs +specs +failed +0 +failed at \S*004_s2\.sql:6: the rehearsal on a clone failed, so nothing ran on it or on any other database: .+ +failed on the clone at \S*004_s2\.sql:6:\d+ \(s2\): /,
    );
    expect(await prod()).toEqual([[], []]);
    // The journal keeps each database's rehearsal.
    const shown = JSON.parse((await cli.run(['rollout', 'show', 'last', '--json'])).stdout) as Rollout;
    expect(shown.items.map((i) => [i.role, i.state, i.rehearsal?.state, i.rehearsal?.failure?.line])).toEqual([
      ['auth', 'skipped', 'rehearsed', undefined],
      ['specs', 'failed', 'failed', 6],
    ]);
    const afterFailure = await audit();
    expect(rehearsals(afterFailure)).toEqual([
      ['runner.rehearse.failed', 'fleetreh_prod_specs'],
      ['runner.rehearse', 'fleetreh_prod_auth'],
    ]);
    expect(afterFailure.find((e) => e.action === 'rollout.rehearse.failed')?.detail).toMatchObject({
      mode: 'canary',
      databases: [
        { role: 'auth', rehearsal: { state: 'rehearsed' } },
        { role: 'specs', rehearsal: { state: 'failed' } },
      ],
    });
    expect(afterFailure.some((e) => e.action === 'runner.upgrade')).toBe(false);

    // Cured: the resume rehearses again, auth's rehearsal reused and said, then runs both.
    await envs.query('prod', 'specs', 'DROP TABLE poison');
    const resumed = await cli.run(['rollout', '--resume', 'last', '--yes-production']);
    expect(resumed.code, output(resumed)).toBe(0);
    expect(resumed.stdout).toMatch(
      /fleetreh_prod_auth +auth +done +2 +done, 2 revisions applied +rehearsed ✓ .+ \(same plan, same schema: not rehearsed again\)/,
    );
    expect(resumed.stdout).toMatch(/fleetreh_prod_specs +specs +done +2 +done, 2 revisions applied +rehearsed ✓ on a clone in \d+ ms/);
    expect(await prod()).toEqual([
      ['a1', 'a2'],
      ['s1', 's2'],
    ]);

    addA3(envs.dir);
    const skipped = await cli.run([...rollout, '--no-rehearse']);
    expect(skipped.code, output(skipped)).toBe(0);
    expect(skipped.stdout).toContain(
      'Not rehearsed: --no-rehearse given (the staging and production databases of a rollout rehearse on a clone first by default).',
    );
    expect(skipped.stdout).toMatch(
      /fleetreh_prod_auth +auth +done +1 +done, 1 revision applied +not rehearsed: the rollout was started without rehearsals \(--no-rehearse\)/,
    );
    expect(await envs.versions('prod', 'auth' as Role)).toEqual(['a1', 'a2', 'a3']);
    expect((await audit()).find((e) => e.action === 'rollout.start')?.detail).toMatchObject({ rehearsal: 'skip' });
  });
});
