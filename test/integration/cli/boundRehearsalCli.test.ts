// Bound runs rehearse as runs on one connection do, through the real CLI on real PostgreSQL: a project
// with two databases (auth and specs, each its own chain) in a staging environment. Each database's
// plan is rehearsed on its own clone before anything runs on either; a failed rehearsal on the second
// database leaves both untouched; --rehearse changes nothing; --rehearsed checks each database;
// --no-rehearse says so; --snapshot-first takes one snapshot per database, each recorded as its own.
import { describe, expect, inject, it } from 'vitest';
import type { AuditEntry } from '../../../src-shared/model/audit';
import type { BoundRunResult } from '../../../src-shared/model/boundRun';
import { boundEnvironments, type Role } from '../../support/boundEnvironments';
import { Cli, output, printedCommand } from '../../support/cliProcess';
import { adminQuery } from '../../support/scratchDatabase';

// Fails while a table named poison exists: a failure the test causes and then cures.
const poisoned = "DO $$ BEGIN IF to_regclass('public.poison') IS NOT NULL THEN RAISE EXCEPTION 'poisoned'; END IF; END $$;";

/** Connections named socrates_staging_auth and socrates_staging_specs, both staging connections. */
async function stagingProject() {
  const envs = await boundEnvironments('socrates', ['staging'], {
    connectionEnvironment: () => 'staging',
    specs: [
      { id: 'a1', parents: [], branch: 'auth', message: 'users', up: 'CREATE TABLE users (id int PRIMARY KEY);', down: 'DROP TABLE users;' },
      { id: 'a2', parents: ['a1'], message: 'refresh tokens', up: 'CREATE TABLE refresh_tokens (id int);', down: 'DROP TABLE refresh_tokens;' },
      { id: 's1', parents: [], branch: 'specs', message: 'projects', up: 'CREATE TABLE projects (id int);', down: 'DROP TABLE projects;' },
      // 004_s2.sql: the poisoned statement on line 6.
      { id: 's2', parents: ['s1'], message: 'specifications', up: `CREATE TABLE specifications (id int);\n${poisoned}`, down: 'DROP TABLE specifications;' },
    ],
  });
  envs.services.close();
  const cli = new Cli({ SWITCHYARD_HOME: envs.home, SWITCHYARD_PASSPHRASE: envs.passphrase });
  const audit = async () => {
    const read = JSON.parse((await cli.run(['audit', '--json', '--limit', '100'])).stdout) as { entries?: AuditEntry[] } | AuditEntry[];
    return Array.isArray(read) ? read : (read.entries ?? []);
  };
  const tableQuery = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'switchyard_migrations' ORDER BY 1";
  return {
    cli,
    audit,
    databases: { auth: envs.databases.staging_auth as string, specs: envs.databases.staging_specs as string },
    query: (role: Role, sql: string) => envs.query('staging', role, sql),
    versions: (role: Role) => envs.versions('staging', role),
    tables: async (role: Role) =>
      (await adminQuery(inject('postgres'), tableQuery, envs.databases[`staging_${role}`])).rows.map((r) => (r as { table_name: string }).table_name),
  };
}

const per = ['--project', 'socrates', '--env', 'staging'];
const untouched: string[] = [];

describe('switchyard upgrade|downgrade --project NAME --env ENV rehearses each bound database first', () => {
  it('rehearses both databases on their clones before either runs, runs nothing after a failed one, and checks each under --rehearsed', async () => {
    const { cli, query, tables, versions, audit } = await stagingProject();
    await query('specs', 'CREATE TABLE poison (id int)');

    // By default on staging: auth rehearses (and succeeds), specs rehearses and fails; neither database runs anything.
    const failed = await cli.run(['upgrade', ...per]);
    expect(failed.code, output(failed)).toBe(1);
    expect(failed.stdout).toContain('Rehearsal of upgrade to a2 on socrates_staging_auth: succeeded');
    expect(failed.stdout).toContain('Rehearsal of upgrade to s2 on socrates_staging_specs: FAILED');
    expect(failed.stderr).toContain(
      'The rehearsal of the specs database (socrates_staging_specs) failed on a clone, so the upgrade to "heads" ran on no database.\nauth (socrates_staging_auth): rehearsed ✓ on a clone in ',
    );
    expect(failed.stderr).toMatch(/specs \(socrates_staging_specs\): rehearsal FAILED: s2 failed at \S*004_s2\.sql:6:\d+: poisoned/);
    expect(failed.stderr).toContain('[E_REHEARSAL_FAILED]');
    expect([await versions('auth'), await tables('auth'), await versions('specs'), await tables('specs')]).toEqual([untouched, [], untouched, ['poison']]);
    const afterFailure = await audit();
    expect(afterFailure.filter((e) => e.action.startsWith('runner.rehearse')).map((e) => [e.action, e.target])).toEqual([
      ['runner.rehearse.failed', 'socrates_staging_specs'],
      ['runner.rehearse', 'socrates_staging_auth'],
    ]);
    const refusedRun = afterFailure.find((e) => e.action === 'bindings.run.failed');
    expect(refusedRun?.detail).toMatchObject({
      databases: [
        { role: 'auth', outcome: 'notStarted', rehearsal: { state: 'rehearsed' } },
        { role: 'specs', outcome: 'notStarted', rehearsal: { state: 'failed', failure: expect.stringContaining('poisoned') } },
      ],
    });
    expect(afterFailure.some((e) => e.action === 'runner.upgrade' || e.action === 'bindings.run.start')).toBe(false);

    // Cured: auth's rehearsal still stands (same plan, same schema), specs' schema changed since its failed one.
    await query('specs', 'DROP TABLE poison');
    const notYet = await cli.run(['upgrade', ...per, '--rehearsed']);
    expect(notYet.code, output(notYet)).toBe(1);
    expect(notYet.stderr).toContain(
      'The upgrade to "heads" ran on no database: the specs database (socrates_staging_specs) has no successful rehearsal of this plan on the schema it has now.',
    );
    expect(notYet.stderr).toContain('auth (socrates_staging_auth): rehearsed ✓');
    expect(notYet.stderr).toContain('specs (socrates_staging_specs): not rehearsed as it stands: the schema changed since this plan was rehearsed');
    expect(notYet.stderr).toContain('[E_NOT_REHEARSED]');
    expect([await versions('auth'), await versions('specs')]).toEqual([untouched, untouched]);

    // --rehearse: every database rehearsed, none run.
    const rehearsed = await cli.run(['upgrade', ...per, '--rehearse']);
    expect(rehearsed.code, output(rehearsed)).toBe(0);
    expect(rehearsed.stdout).toContain('Rehearsal of upgrade to a2 on socrates_staging_auth: succeeded');
    expect(rehearsed.stdout).toContain('Rehearsal of upgrade to s2 on socrates_staging_specs: succeeded');
    expect(rehearsed.stdout).toMatch(
      /auth \(socrates_staging_auth\): rehearsed ✓ on a clone in \d+ ms\nspecs \(socrates_staging_specs\): rehearsed ✓ on a clone in \d+ ms\n/,
    );
    expect(rehearsed.stdout).toContain('Nothing ran on the databases themselves (--rehearse).');
    expect([await versions('auth'), await tables('auth'), await versions('specs'), await tables('specs')]).toEqual([untouched, [], untouched, []]);

    // --rehearsed now runs, each database on the rehearsal it has.
    const ran = await cli.run(['upgrade', ...per, '--rehearsed']);
    expect(ran.code, output(ran)).toBe(0);
    expect(ran.stdout).toContain('auth (socrates_staging_auth): ran a1, a2; now at a2\nspecs (socrates_staging_specs): ran s1, s2; now at s2\nRehearsals:\n');
    expect(ran.stdout).toMatch(
      /\n {2}auth \(socrates_staging_auth\): rehearsed ✓ .*: this plan succeeded on the schema it has now\n {2}specs \(socrates_staging_specs\): rehearsed ✓ /,
    );
    expect(ran.stdout).not.toContain('Rehearsal of upgrade');
    expect([await versions('auth'), await versions('specs')]).toEqual([
      ['a1', 'a2'],
      ['s1', 's2'],
    ]);
    expect(await cli.run(['upgrade', ...per, '--rehearse', '--rehearsed'])).toMatchObject({ code: 2 });
  });

  it('rehearses by default then takes a snapshot of each database before either runs, and says --no-rehearse out loud', async () => {
    const { cli, tables, versions, audit, databases } = await stagingProject();

    const up = await cli.run(['upgrade', ...per, '--snapshot-first', '--json']);
    expect(up.code, output(up)).toBe(0);
    const result = JSON.parse(up.stdout) as BoundRunResult;
    expect(result.databases.map((d) => [d.role, d.outcome, d.ran, d.rehearsal?.state])).toEqual([
      ['auth', 'done', ['a1', 'a2'], 'rehearsed'],
      ['specs', 'done', ['s1', 's2'], 'rehearsed'],
    ]);
    // One snapshot per database, each of its own database, taken before anything ran (at base).
    const [auth, specs] = result.databases.map((d) => d.snapshot);
    expect(auth?.databaseKey).toContain(databases.auth);
    expect(specs?.databaseKey).toContain(databases.specs);
    expect(auth?.id).not.toBe(specs?.id);
    const started = (await audit()).find((e) => e.action === 'bindings.run.start');
    expect(started?.detail).toMatchObject({ snapshots: { auth: auth?.id, specs: specs?.id }, rehearsal: 'protected' });
    const done = (await audit()).find((e) => e.action === 'bindings.run');
    expect(done?.detail).toMatchObject({
      databases: [
        { role: 'auth', snapshot: { id: auth?.id } },
        { role: 'specs', snapshot: { id: specs?.id } },
      ],
    });

    // Restoring the auth database's snapshot brings back auth alone, at base.
    const restore = await cli.run(['snapshot', 'restore', auth?.id as string, '--profile', 'socrates_staging_auth']);
    expect(restore.code, output(restore)).toBe(0);
    expect([await tables('auth'), await versions('specs')]).toEqual([[], ['s1', 's2']]);

    const rehearsalsBefore = (await audit()).filter((e) => e.action.startsWith('runner.rehearse')).length;
    const down = await cli.run(['downgrade', ...per, '--to', 'specs@-2', '--no-rehearse']);
    expect(down.code, output(down)).toBe(0);
    expect(down.stdout).toContain('Not rehearsed: --no-rehearse given (the staging and production databases of staging rehearse on a clone first by default).');
    expect(down.stdout).toContain(
      'specs (socrates_staging_specs): ran s2, s1; now at base\nauth (socrates_staging_auth): not on this target, nothing to run\nRehearsals:\n  specs (socrates_staging_specs): not rehearsed (skipped when the run was started)\n',
    );
    expect((await audit()).filter((e) => e.action.startsWith('runner.rehearse')).length).toBe(rehearsalsBefore);
    expect(await versions('specs')).toEqual([]);

    // Said in words: each database's snapshot with its undo command, which works as printed and undoes auth's part alone.
    const again = await cli.run(['upgrade', ...per, '--snapshot-first', '--no-rehearse']);
    expect(again.code, output(again)).toBe(0);
    expect(again.stdout).toMatch(
      /Snapshot "[^"]+" of the auth database \(socrates_staging_auth\) taken first — undo its part with: switchyard snapshot restore /,
    );
    expect(again.stdout).toMatch(
      /Snapshot "[^"]+" of the specs database \(socrates_staging_specs\) taken first — undo its part with: switchyard snapshot restore /,
    );
    const undoAuth = printedCommand(again.stdout, 'snapshot restore');
    expect(undoAuth).toContain('--profile socrates_staging_auth');
    const undone = await cli.runPrinted(undoAuth as string);
    expect(undone.code, output(undone)).toBe(0);
    expect([await tables('auth'), await versions('specs')]).toEqual([[], ['s1', 's2']]);
  });
});
