import pg from 'pg';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { RunRequest } from '../../../src-shared/model/run';
import type { MigrationTarget } from '../../../src-main/targets/migrationTarget';
import { previewTarget, runTarget } from '../../../src-main/runner/runnerService';
import { targetStatus } from '../../../src-main/runner/targetStatus';
import { postgresTarget } from '../../support/migrationTargets';
import { writeNativeProject, type RevisionSpec } from '../../support/nativeProject';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';
import { writeFileSync, readFileSync } from 'node:fs';

const server = inject('postgres');

// base ─ accounts ─┬─ billing (branch billing) ─┐
//                  └─ audit   (branch audit)   ─┴─ merge ─ reports
const branchy: RevisionSpec[] = [
  { id: 'base01', parents: [], message: 'core', up: 'CREATE TABLE users (id int PRIMARY KEY);', down: 'DROP TABLE users;' },
  {
    id: 'acct02',
    parents: ['base01'],
    message: 'accounts',
    up: 'CREATE TABLE accounts (id int PRIMARY KEY, user_id int REFERENCES users(id));',
    down: 'DROP TABLE accounts;',
  },
  {
    id: 'bill03',
    parents: ['acct02'],
    message: 'billing',
    branch: 'billing',
    up: 'CREATE TABLE invoices (id int PRIMARY KEY);\nINSERT INTO invoices VALUES (1);',
    down: 'DROP TABLE invoices;',
  },
  { id: 'audt04', parents: ['acct02'], message: 'audit', branch: 'audit', up: 'CREATE TABLE audit_log (id int PRIMARY KEY);', down: 'DROP TABLE audit_log;' },
  { id: 'merg05', parents: ['bill03', 'audt04'], message: 'merge billing and audit', up: '', down: '' },
  { id: 'rept06', parents: ['merg05'], message: 'reports', up: 'CREATE TABLE reports (id int PRIMARY KEY);', down: 'DROP TABLE reports;' },
];

const target = (database: string, projectDir: string, overrides: Partial<MigrationTarget> = {}) => postgresTarget(server, database, projectDir, overrides);

async function tables(database: string): Promise<string[]> {
  const result = await adminQuery(server, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1", database);
  return result.rows.map((r: { tablename: string }) => r.tablename);
}

const options = { actor: 'tester via test', lockTimeoutMs: 2_000 };
const run = (t: MigrationTarget, request: RunRequest) => runTarget(t, request, options);

describe('native runner on PostgreSQL', () => {
  it('upgrades one branch, then the rest, and downgrades children first; status follows every plan', async () => {
    const database = await scratchDatabase(server);
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, branchy);
    const t = target(database, project);

    // billing@head would be rept06: Alembic spreads a label to every descendant, through the merge.
    const first = await run(t, { action: 'upgrade', to: 'bill03' });
    expect(first.steps.map((s) => s.revision)).toEqual(['base01', 'acct02', 'bill03']);
    expect(first.status).toMatchObject({ heads: ['bill03'], pending: ['audt04', 'merg05', 'rept06'] });
    expect(await tables(database)).toEqual(['accounts', 'invoices', 'switchyard_migrations', 'users']);

    const rest = await run(t, { action: 'upgrade', to: 'heads' });
    expect(rest.steps.map((s) => s.revision)).toEqual(['audt04', 'merg05', 'rept06']);
    expect((await targetStatus(t)).pending).toEqual([]);
    const records = (await targetStatus(t)).records;
    expect(records.map((r) => r.revision).sort()).toEqual(branchy.map((r) => r.id).sort());
    expect(records[0]).toMatchObject({ appliedBy: 'tester via test', checksum: expect.stringMatching(/^[0-9a-f]{64}$/), durationMs: expect.any(Number) });

    const down = await run(t, { action: 'downgrade', to: 'acct02' });
    expect(down.steps.map((s) => s.revision)).toEqual(['rept06', 'merg05', 'audt04', 'bill03']);
    expect(down.status.heads).toEqual(['acct02']);
    expect(await tables(database)).toEqual(['accounts', 'switchyard_migrations', 'users']);
  });

  it('stops between revisions when cancelled: what ran stays, nothing after it starts', async () => {
    const database = await scratchDatabase(server);
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, branchy);
    const controller = new AbortController();
    const operation = {
      opId: 'cancel-test',
      signal: controller.signal,
      log: () => undefined,
      // The user presses Cancel as soon as the second revision is reported done.
      progress: (done: number) => done === 2 && controller.abort(),
      checkpoint: () => {
        if (controller.signal.aborted) throw Object.assign(new Error('Cancelled by the user.'), { code: 'E_CANCELLED' });
      },
    };
    await expect(runTarget(target(database, project), { action: 'upgrade', to: 'heads' }, { ...options, operation })).rejects.toMatchObject({
      code: 'E_CANCELLED',
    });
    expect((await targetStatus(target(database, project))).applied).toEqual(['base01', 'acct02']);
  });

  it('stamps without running, and stamps down without running', async () => {
    const database = await scratchDatabase(server);
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, branchy);
    const t = target(database, project);
    const stamped = await run(t, { action: 'stamp', to: 'acct02' });
    expect(stamped.status.applied).toEqual(['base01', 'acct02']);
    expect(await tables(database)).toEqual(['switchyard_migrations']);
    const unstamped = await run(t, { action: 'stamp', to: 'base01', down: true });
    expect(unstamped.status.applied).toEqual(['base01']);
  });

  it('stops at a failing revision: the database is as before it, and the error points at the line', async () => {
    const database = await scratchDatabase(server);
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, [
      ...branchy.slice(0, 2),
      {
        id: 'bad03',
        parents: ['acct02'],
        message: 'broken',
        up: 'CREATE TABLE half_done (id int);\nINSERT INTO half_done VALUES (1);\nINSERT INTO missing_table VALUES (1);',
        down: 'DROP TABLE half_done;',
      },
    ]);
    const t = target(database, project);
    const error = await run(t, { action: 'upgrade', to: 'heads' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'E_MIGRATION_FAILED',
      message: expect.stringContaining('bad03 failed at 003_bad03.sql:7:13: relation "missing_table" does not exist'),
      detail: { revision: 'bad03', line: 7, column: 13, sqlstate: '42P01' },
    });
    expect(await tables(database)).toEqual(['accounts', 'switchyard_migrations', 'users']);
    expect((await targetStatus(t)).applied).toEqual(['base01', 'acct02']);
  });

  it('catches the DuplicateTable before the first statement, and prints the exact SQL in a dry run', async () => {
    const database = await scratchDatabase(server);
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, branchy);
    await adminQuery(server, 'CREATE TABLE invoices (id int)', database);
    const t = target(database, project);
    const preview = await previewTarget(t, { action: 'upgrade', to: 'heads' }, 'tester');
    expect(preview.findings).toEqual([expect.objectContaining({ severity: 'error', table: 'invoices', revision: 'bill03' })]);
    expect(preview.sql).toContain('-- 3/6 up bill03 — billing (003_bill03.sql)\nBEGIN;\nCREATE TABLE invoices (id int PRIMARY KEY);');
    expect(preview.sql).toContain("INSERT INTO switchyard_migrations (revision, checksum, applied_by, duration_ms) VALUES ('bill03'");
    await expect(run(t, { action: 'upgrade', to: 'heads' })).rejects.toMatchObject({
      code: 'E_PREFLIGHT',
      message: expect.stringContaining('creates table invoices, which already exists in the database'),
    });
    // Nothing ran, not even the revisions before the conflict.
    expect(await tables(database)).toEqual(['invoices', 'switchyard_migrations']);
  });

  it('refuses a read-only connection and a production one without confirmation', async () => {
    const database = await scratchDatabase(server);
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, branchy);
    const readOnly = target(database, project);
    readOnly.connection.readOnly = true;
    await expect(run(readOnly, { action: 'upgrade', to: 'heads' })).rejects.toMatchObject({
      code: 'E_PREFLIGHT',
      message: expect.stringContaining('read-only connection'),
    });
    const prod = target(database, project, { environment: 'prod' });
    await expect(run(prod, { action: 'upgrade', to: 'heads' })).rejects.toMatchObject({ code: 'E_CONFIRMATION_REQUIRED' });
    const confirmed = await runTarget(prod, { action: 'upgrade', to: 'base01' }, { ...options, confirmProduction: true });
    expect(confirmed.steps).toHaveLength(1);
  });

  it('lets one run at a time: a second waits for the lock, then finds nothing left to apply', async () => {
    const database = await scratchDatabase(server);
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, [
      ...branchy.slice(0, 2),
      { id: 'slow03', parents: ['acct02'], message: 'slow', up: 'SELECT pg_sleep(0.6);\nCREATE TABLE slow (id int);', down: 'DROP TABLE slow;' },
    ]);
    const t = target(database, project);
    const [a, b] = await Promise.all([run(t, { action: 'upgrade', to: 'heads' }), run(t, { action: 'upgrade', to: 'heads' })]);
    expect([...a.steps, ...b.steps].map((s) => s.revision).sort()).toEqual(['acct02', 'base01', 'slow03']);
    expect((await targetStatus(t)).records).toHaveLength(3);
  });

  it('names who holds the lock when waiting runs out', async () => {
    const database = await scratchDatabase(server);
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, branchy);
    const holder = new pg.Client({ ...server, database, application_name: 'nightly-deploy' });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1, $2)', [0x53594152, 1]);
      const error = await runTarget(target(database, project), { action: 'upgrade', to: 'heads' }, { ...options, lockTimeoutMs: 300 }).catch((e: unknown) => e);
      const pid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
      expect(error).toMatchObject({ code: 'E_LOCK_HELD', message: expect.stringContaining(`pid ${pid}, user postgres, application "nightly-deploy"`) });
      expect(await tables(database)).toEqual([]);
    } finally {
      await holder.end();
    }
  });

  it('flags a file edited after it was applied and a revision only the database knows', async () => {
    const database = await scratchDatabase(server);
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, branchy.slice(0, 3));
    const t = target(database, project);
    await run(t, { action: 'upgrade', to: 'heads' });
    const file = join(project, '002_acct02.sql');
    writeFileSync(file, readFileSync(file, 'utf8').replace('user_id int', 'owner_id int'));
    // Re-saving with Windows line endings is not an edit.
    const first = join(project, '001_base01.sql');
    writeFileSync(first, readFileSync(first, 'utf8').replace(/\n/g, '\r\n'));
    await adminQuery(server, "INSERT INTO switchyard_migrations (revision, checksum, applied_by, duration_ms) VALUES ('ghost99', 'x', 'someone', 1)", database);
    const status = await targetStatus(t);
    expect(status.changed).toEqual(['acct02']);
    expect(status.unknown).toEqual(['ghost99']);
  });
});
