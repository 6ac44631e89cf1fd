// A two-database project (seed 004: `auth` and `specs`, each its own chain, bound to two databases of
// one environment) run through the real CLI on real PostgreSQL: status per database, upgraded to heads
// and reverted to base together, each database holding only its own branch's tables and version rows;
// a failure on one database stops the coordinated run and says what each ran and which did not start.
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { AuditEntry } from '../../../src-shared/model/audit';
import type { BoundRunResult, BoundStatus } from '../../../src-shared/model/boundRun';
import { createServices } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { Cli, output } from '../../support/cliProcess';
import { writeNativeProject } from '../../support/nativeProject';
import { callAs } from '../../support/serviceCalls';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';

const passphrase = 'bound run command test passphrase';
// Fails while a table named poison exists: a failure the test causes and then cures.
const poisoned = "DO $$ BEGIN IF to_regclass('public.poison') IS NOT NULL THEN RAISE EXCEPTION 'poisoned'; END IF; END $$;";

async function twoDatabaseProject() {
  const server = inject('postgres');
  const home = tempDir();
  const dir = join(home, 'migrations');
  writeNativeProject(dir, [
    { id: 'a1', parents: [], branch: 'auth', message: 'users', up: 'CREATE TABLE users (id int PRIMARY KEY);', down: 'DROP TABLE users;' },
    { id: 'a2', parents: ['a1'], message: 'refresh tokens', up: 'CREATE TABLE refresh_tokens (id int);', down: 'DROP TABLE refresh_tokens;' },
    { id: 's1', parents: [], branch: 'specs', message: 'projects', up: 'CREATE TABLE projects (id int);', down: `${poisoned}\nDROP TABLE projects;` },
    { id: 's2', parents: ['s1'], message: 'specifications', up: 'CREATE TABLE specifications (id int);', down: 'DROP TABLE specifications;' },
    { id: 's3', parents: ['s2'], message: 'conflicts', up: `CREATE TABLE conflicts (id int);\n${poisoned}`, down: 'DROP TABLE conflicts;' },
  ]);
  const databases = { auth: await scratchDatabase(server, 'bound_auth'), specs: await scratchDatabase(server, 'bound_specs') };
  const services = createServices({ dataDir: home, onUnexpectedError: () => undefined });
  await services.session.unlock(passphraseKeyProvider(passphrase, { N: 1024, r: 8, p: 1 }));
  const members = [];
  for (const role of ['auth', 'specs'] as const) {
    const profile = {
      name: `${role} dev`,
      environment: 'dev' as const,
      engine: 'postgres' as const,
      ...server,
      database: databases[role],
      sslMode: 'disable' as const,
    };
    members.push({ profileId: (await callAs(services, 'setup', 'profiles.create', { profile })).id, role });
  }
  await callAs(services, 'setup', 'projects.create', {
    project: {
      name: 'socrates',
      dir,
      format: 'native',
      environments: [{ name: 'dev', members }],
      bindings: [
        { label: 'auth', role: 'auth' },
        { label: 'specs', role: 'specs' },
      ],
    },
  });
  services.close();
  const cli = new Cli({ SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase });
  const query = async (role: keyof typeof databases, sql: string) => (await adminQuery(server, sql, databases[role])).rows.map((r) => Object.values(r)[0]);
  return {
    cli,
    query,
    tables: (role: keyof typeof databases) =>
      query(role, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'switchyard_migrations' ORDER BY 1"),
    versions: (role: keyof typeof databases) => query(role, 'SELECT revision FROM switchyard_migrations ORDER BY revision').catch(() => ['(no version table)']),
  };
}

const per = ['--project', 'socrates', '--env', 'dev'];

describe('switchyard upgrade|downgrade|status --project NAME --env ENV on a project with bindings', () => {
  it('runs each bound branch on its own database, together, up to heads and back to base', async () => {
    const { cli, tables, versions } = await twoDatabaseProject();

    const before = await cli.run(['status', ...per]);
    expect(before.code, output(before)).toBe(0);
    expect(before.stdout).toContain('auth — auth dev (bound: auth)\n  applied:  0 revisions; at base (nothing applied)\n  pending:  2 revisions: a1 a2\n');
    expect(before.stdout).toContain(
      'specs — specs dev (bound: specs)\n  applied:  0 revisions; at base (nothing applied)\n  pending:  3 revisions: s1 s2 s3\n',
    );

    const up = await cli.run(['upgrade', ...per, '--to', 'heads']);
    expect(up.code, output(up)).toBe(0);
    expect(up.stdout).toContain('auth (auth dev): ran a1, a2; now at a2\nspecs (specs dev): ran s1, s2, s3; now at s3\n');
    expect(await tables('auth')).toEqual(['refresh_tokens', 'users']);
    expect(await versions('auth')).toEqual(['a1', 'a2']);
    expect(await tables('specs')).toEqual(['conflicts', 'projects', 'specifications']);
    expect(await versions('specs')).toEqual(['s1', 's2', 's3']);

    const checked = await cli.run(['status', ...per, '--json', '--check']);
    expect(checked.code, output(checked)).toBe(0);
    const status = JSON.parse(checked.stdout) as BoundStatus;
    expect(status.databases.map((d) => [d.role, d.standing?.heads, d.standing?.pending])).toEqual([
      ['auth', ['a2'], []],
      ['specs', ['s3'], []],
    ]);

    const oneBranch = await cli.run(['downgrade', ...per, '--to', 'specs@-1']);
    expect(oneBranch.code, output(oneBranch)).toBe(0);
    expect(oneBranch.stdout).toContain('specs (specs dev): ran s3; now at s2\nauth (auth dev): not on this target, nothing to run\n');
    expect(await versions('auth')).toEqual(['a1', 'a2']);

    const down = await cli.run(['downgrade', ...per, '--to', 'base', '--json']);
    expect(down.code, output(down)).toBe(0);
    const result = JSON.parse(down.stdout) as BoundRunResult;
    expect(result.databases.map((d) => [d.role, d.outcome, d.ran])).toEqual([
      ['specs', 'done', ['s2', 's1']],
      ['auth', 'done', ['a2', 'a1']],
    ]);
    expect([await tables('auth'), await tables('specs'), await versions('auth'), await versions('specs')]).toEqual([[], [], [], []]);

    const ambiguous = await cli.run(['downgrade', ...per, '--to', '-1']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('Name the branch, e.g. "auth@-1", "specs@-1".');
    // A dry run per database: each database's own SQL, nothing changed.
    const dry = await cli.run(['upgrade', ...per, '--dry-run']);
    expect(dry.code, output(dry)).toBe(0);
    expect(dry.stdout).toContain('-- auth — auth dev: a1, a2\n');
    expect(dry.stdout).toContain('-- specs — specs dev: s1, s2, s3\n');
    expect(dry.stdout.indexOf('CREATE TABLE users')).toBeLessThan(dry.stdout.indexOf('-- specs'));
    expect(dry.stdout.indexOf('CREATE TABLE projects')).toBeGreaterThan(dry.stdout.indexOf('-- specs'));
    expect([await tables('auth'), await tables('specs'), await versions('auth'), await versions('specs')]).toEqual([[], [], [], []]);
    const notPer = await cli.run(['upgrade', ...per, '--format', 'native']);
    expect(notPer.code).toBe(2);
    expect(notPer.stderr).toContain('--format is not taken per database. Give --role ROLE to work on one of its databases.');
    // A lock timeout per database: each database's run waits that long for another run's lock.
    const timed = await cli.run(['upgrade', ...per, '--to', 'auth@head', '--lock-timeout', '2']);
    expect(timed.code, output(timed)).toBe(0);
    expect(timed.stdout).toContain('auth (auth dev): ran a1, a2; now at a2');
    expect(await versions('specs')).toEqual([]);
  });

  it('stops at the first failure, saying what each database ran and which did not start, and refuses another database’s revisions', async () => {
    const { cli, query, tables, versions } = await twoDatabaseProject();
    await query('specs', 'CREATE TABLE poison (id int)');

    const failed = await cli.run(['upgrade', ...per]);
    expect(failed.code, output(failed)).toBe(1);
    expect(failed.stderr).toContain(
      'The upgrade to "heads" stopped at the specs database.\nauth (auth dev): ran a1, a2; now at a2\nspecs (specs dev): failed after running s1, s2: ',
    );
    expect(failed.stderr).toContain('poisoned');
    expect(await versions('auth')).toEqual(['a1', 'a2']);
    expect(await versions('specs')).toEqual(['s1', 's2']);

    // Reverting: specs goes first and fails at s1's down, so auth never starts.
    const stuck = await cli.run(['downgrade', ...per, '--to', 'base']);
    expect(stuck.code, output(stuck)).toBe(1);
    expect(stuck.stderr).toContain('specs (specs dev): failed after running s2: ');
    expect(stuck.stderr).toContain('auth (auth dev): not started');
    expect(await versions('auth')).toEqual(['a1', 'a2']);
    expect(await tables('auth')).toEqual(['refresh_tokens', 'users']);
    expect(await versions('specs')).toEqual(['s1']);

    const audit = JSON.parse((await cli.run(['audit', '--json', '--limit', '50'])).stdout) as { entries?: AuditEntry[] } | AuditEntry[];
    const entries = Array.isArray(audit) ? audit : (audit.entries ?? []);
    expect(entries.filter((e) => e.action === 'bindings.run.failed').map((e) => e.target)).toEqual(['project:socrates', 'project:socrates']);

    // One database's runner used by hand to put a specs revision on the auth database: the next coordinated run refuses.
    await query('specs', 'DROP TABLE poison');
    expect((await cli.run(['upgrade', ...per, '--role', 'auth', '--to', 's1'])).code).toBe(0);
    const foreign = await cli.run(['status', ...per]);
    expect(foreign.stdout).toContain("  foreign:  s1 (another database's revisions, recorded on this one)");
    const refused = await cli.run(['downgrade', ...per, '--to', 'base']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The downgrade to "base" was not run on any database: the auth database (auth dev) records s1, which lives elsewhere.');
    expect(refused.stderr).toContain('E_BINDING_ANOMALY');
    expect(await versions('auth')).toEqual(['a1', 'a2', 's1']);
  });
});
