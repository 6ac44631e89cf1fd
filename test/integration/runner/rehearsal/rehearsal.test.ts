// Rehearsals on real PostgreSQL and SQLite: the exact plan run on a clone through the runner, the
// real database only read (its fingerprint unchanged even when the plan fails), the failure with
// file:line, the locks on existing tables named, the schema change, the clone gone afterwards; and a
// run that rehearses first stops at a failed rehearsal.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import type { OperationDone, OperationStarted } from '../../../../src-shared/model/operation';
import { lockSentence, type Rehearsal, type RehearsedLock } from '../../../../src-shared/model/rehearsal';
import type { TargetRef } from '../../../../src-shared/model/targetRef';
import { allDifferences } from '../../../../src-shared/schema/schemaDiff';
import { runTarget } from '../../../../src-main/runner/runnerService';
import { createServices, type Services } from '../../../../src-main/services';
import { plainAlembicEnv } from '../../../support/alembicFolders';
import { databasesLike, postgresFingerprint, sqliteFingerprint } from '../../../support/databaseFingerprint';
import { postgresTarget, sqliteTarget } from '../../../support/migrationTargets';
import { writeNativeProject, type RevisionSpec } from '../../../support/nativeProject';
import { adminQuery, scratchDatabase } from '../../../support/scratchDatabase';
import { tempDir } from '../../../support/tempDir';

const server = inject('postgres');

/** 001 makes orders with three rows; 002 changes it (`extra`: more of its body); 003 fails on its second line (line 6 of its file). */
function revisions(extra: string): RevisionSpec[] {
  return [
    {
      id: 'r001',
      parents: [],
      message: 'orders',
      up: "CREATE TABLE orders (id integer PRIMARY KEY, note text);\nINSERT INTO orders VALUES (1, 'a'), (2, 'b'), (3, 'c');",
    },
    {
      id: 'r002',
      parents: ['r001'],
      message: 'shipped flag',
      up: `ALTER TABLE orders ADD COLUMN shipped boolean NOT NULL DEFAULT false;\n${extra}`,
    },
    { id: 'r003', parents: ['r002'], message: 'lines', up: 'CREATE TABLE lines (id integer);\nINSERT INTO no_such_table VALUES (1);' },
  ];
}

function services(): Services {
  const built = createServices({ dataDir: tempDir(), onUnexpectedError: () => undefined });
  onTestFinished(() => built.close());
  return built;
}

async function finished(built: Services, started: OperationStarted): Promise<OperationDone> {
  return new Promise((resolve) => {
    const stop = built.events.onEvent((message) => {
      if (message.event !== 'op.done' || message.payload.opId !== started.opId) return;
      stop();
      resolve(message.payload);
    });
  });
}

async function rehearsed(built: Services, ref: TargetRef, to: string): Promise<Rehearsal> {
  const done = await finished(built, built.rehearsals.rehearse(ref, { action: 'upgrade', to }, 'tester'));
  if (!done.ok) throw new Error(`${done.error.code}: ${done.error.message}`);
  return done.result as Rehearsal;
}

async function postgresAtFirst(): Promise<{ database: string; ref: TargetRef }> {
  const database = await scratchDatabase(server, 'rehearsal');
  const project = join(tempDir(), 'migrations');
  // Held long enough to be seen; and a data migration that fails unless the clone has the rows.
  writeNativeProject(
    project,
    revisions("SELECT pg_sleep(0.4);\nDO $$ BEGIN IF (SELECT count(*) FROM orders) <> 3 THEN RAISE EXCEPTION 'expected 3 orders'; END IF; END $$;"),
  );
  await runTarget(postgresTarget(server, database, project), { action: 'upgrade', to: 'r001' }, { actor: 'tester' });
  const url = `postgres://${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}/${database}`;
  return { database, ref: { url, project } };
}

/** The name of a template clone, from the words that say how it was made. */
const cloneName = (rehearsal: Rehearsal) => /CREATE DATABASE (\S+) TEMPLATE/.exec(rehearsal.clone.description)?.[1];

describe('rehearsal on PostgreSQL', () => {
  it('reports a failing plan with file:line and each revision before it, and leaves the real database untouched', async () => {
    const { database, ref } = await postgresAtFirst();
    const before = await postgresFingerprint(server, database);

    const rehearsal = await rehearsed(services(), ref, 'heads');

    expect(rehearsal.ok).toBe(false);
    expect(rehearsal.failure?.code).toBe('E_MIGRATION_FAILED');
    expect(rehearsal.failure?.message).toMatch(/003_r003\.sql:6:\d+.*no_such_table/);
    expect(rehearsal.steps.map((s) => s.revision)).toEqual(['r002']);
    expect(rehearsal.clone.how).toBe('template');
    expect(await postgresFingerprint(server, database)).toEqual(before);
    const clone = cloneName(rehearsal);
    expect(clone).toBeDefined();
    expect(await databasesLike(server, String(clone))).toEqual([]);
  });

  it('names the table a revision locked, how and for how long, and the schema change the plan makes', async () => {
    const { database, ref } = await postgresAtFirst();

    const rehearsal = await rehearsed(services(), ref, 'r002');

    expect(rehearsal.ok).toBe(true);
    const exclusive = rehearsal.locks.find((l) => l.table === 'orders' && l.mode === 'ACCESS EXCLUSIVE');
    expect(exclusive).toMatchObject({ revision: 'r002' });
    // Each statement went alone: the lock is named by the one that took it, where its file has it.
    expect(exclusive?.statement).toEqual({ file: '002_r002.sql', line: 5, text: 'ALTER TABLE orders ADD COLUMN shipped boolean NOT NULL DEFAULT false' });
    expect(lockSentence(exclusive as RehearsedLock)).toMatch(
      /^ACCESS EXCLUSIVE on orders for \d+ ms \(blocks reads and writes\), revision r002, taken by 002_r002\.sql:5 ALTER TABLE orders ADD COLUMN shipped/,
    );
    // Seen by more than one sample: held for a while, and said so.
    expect(exclusive?.heldMs).toBeGreaterThan(0);
    expect(rehearsal.steps).toEqual([expect.objectContaining({ revision: 'r002', durationMs: expect.any(Number) })]);
    const added = allDifferences(rehearsal.schemaChange ?? { equal: true, groups: [], unread: { from: [], to: [] } }).map(
      (d) => `${d.change} ${d.kind} ${d.name}`,
    );
    expect(added).toContain('added column shipped');
    const columns = await adminQuery(server, "SELECT column_name FROM information_schema.columns WHERE table_name = 'orders' ORDER BY 1", database);
    expect(columns.rows.map((r: { column_name: string }) => r.column_name)).toEqual(['id', 'note']);
  });

  it('falls back to the schema with a sample of rows while someone else is connected, and says why', async () => {
    const { database, ref } = await postgresAtFirst();
    const other = new pg.Client({ ...server, database });
    await other.connect();
    onTestFinished(() => other.end());
    const before = await postgresFingerprint(server, database);

    const rehearsal = await rehearsed(services(), ref, 'r002');

    expect(rehearsal.clone.how).toBe('schema replay');
    expect(rehearsal.clone.description).toContain('1 other session is connected to');
    // The bookkeeping came whole (only r002 ran) and the sampled rows met the data migration.
    expect(rehearsal).toMatchObject({ ok: true, steps: [expect.objectContaining({ revision: 'r002' })] });
    expect(rehearsal.locks.some((l) => l.table === 'orders' && l.mode === 'ACCESS EXCLUSIVE')).toBe(true);
    expect(await postgresFingerprint(server, database)).toEqual(before);
  });

  it('drops the clone when the rehearsal is cancelled, and the database is as it was', async () => {
    const { database, ref } = await postgresAtFirst();
    const before = await postgresFingerprint(server, database);
    const built = services();
    const lines: string[] = [];
    const stop = built.events.onEvent((message) => {
      if (message.event === 'op.log') lines.push(message.payload.line);
      // Cancelled as the plan starts: the runner stops at its first checkpoint, before r002.
      if (message.event === 'op.progress') built.operations.cancel(message.payload.opId);
    });
    onTestFinished(stop);

    const done = await finished(built, built.rehearsals.rehearse(ref, { action: 'upgrade', to: 'heads' }, 'tester'));

    expect(!done.ok && done.error.code).toBe('E_CANCELLED');
    const clone = /CREATE DATABASE (\S+) TEMPLATE/.exec(lines.join('\n'))?.[1];
    expect(clone).toBeDefined();
    expect(await databasesLike(server, String(clone))).toEqual([]);
    expect(await postgresFingerprint(server, database)).toEqual(before);
  });

  it('a run that rehearses first stops at the failed rehearsal before touching the database', async () => {
    const { database, ref } = await postgresAtFirst();
    const before = await postgresFingerprint(server, database);
    const built = services();

    const done = await finished(built, built.runner.run(ref, { action: 'upgrade', to: 'heads' }, 'tester', { confirmation: {}, rehearsal: 'first' }));

    expect(done.ok).toBe(false);
    expect(!done.ok && done.error.code).toBe('E_REHEARSAL_FAILED');
    expect(!done.ok && done.error.message).toContain('003_r003.sql:6');
    expect(await postgresFingerprint(server, database)).toEqual(before);
    expect(await built.rehearsals.standing(ref, { action: 'upgrade', to: 'heads' })).toMatchObject({ state: 'failed' });
  });
});

/** An Alembic project: accounts, then a column on it held a while, then a second table. */
function alembicProject(): string {
  const dir = join(tempDir(), 'alembic');
  mkdirSync(join(dir, 'migrations', 'versions'), { recursive: true });
  // env.py configures logging from the ini: the least it needs.
  const logging =
    '[loggers]\nkeys = root\n[handlers]\nkeys = console\n[formatters]\nkeys = generic\n[logger_root]\nlevel = WARN\nhandlers = console\n[handler_console]\nclass = StreamHandler\nargs = (sys.stderr,)\nformatter = generic\n[formatter_generic]\nformat = %(message)s\n';
  writeFileSync(join(dir, 'alembic.ini'), `[alembic]\nscript_location = %(here)s/migrations\n\n${logging}`);
  writeFileSync(join(dir, 'migrations', 'env.py'), plainAlembicEnv);
  const bodies: Array<[string, string | null, string]> = [
    ['a1', null, 'op.create_table("accounts", sa.Column("id", sa.Integer, primary_key=True))'],
    ['a2', 'a1', 'op.add_column("accounts", sa.Column("plan", sa.Text))\n    op.execute("SELECT pg_sleep(0.4)")'],
    ['a3', 'a2', 'op.create_table("invoices", sa.Column("id", sa.Integer, primary_key=True))'],
  ];
  for (const [id, parent, body] of bodies) {
    const down = parent === null ? 'None' : `"${parent}"`;
    writeFileSync(
      join(dir, 'migrations', 'versions', `${id}.py`),
      `from alembic import op\nimport sqlalchemy as sa\n\nrevision = "${id}"\ndown_revision = ${down}\nbranch_labels = None\ndepends_on = None\n\ndef upgrade():\n    ${body}\n\ndef downgrade():\n    pass\n`,
    );
  }
  return dir;
}

describe('rehearsal of an Alembic project', () => {
  it('runs alembic on the clone and tells its locks by run, saying so', async () => {
    const database = await scratchDatabase(server, 'rehearsal');
    const project = alembicProject();
    await runTarget(postgresTarget(server, database, project, { projectFormat: 'alembic' }), { action: 'upgrade', to: 'a1' }, { actor: 'tester' });
    const before = await postgresFingerprint(server, database);
    const url = `postgres://${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}/${database}`;

    const rehearsal = await rehearsed(services(), { url, project, format: 'alembic' }, 'heads');

    expect(rehearsal).toMatchObject({ ok: true, clone: { how: 'template' } });
    expect(rehearsal.locks.find((l) => l.table === 'accounts' && l.mode === 'ACCESS EXCLUSIVE')).toMatchObject({ revision: 'a2…a3' });
    expect(rehearsal.locksNote).toContain('alembic runs every revision in one process');
    expect(await postgresFingerprint(server, database)).toEqual(before);
  });
});

describe('rehearsal on SQLite', () => {
  it('rehearses on an empty file a database the run has not created yet, and creates none', async () => {
    const dir = tempDir();
    const path = join(dir, 'new.sqlite');
    const project = join(dir, 'migrations');
    writeNativeProject(project, revisions(''));

    const rehearsal = await rehearsed(services(), { url: `sqlite:${path}`, project }, 'r002');

    expect(rehearsal).toMatchObject({ ok: true, clone: { how: 'file copy' } });
    expect(rehearsal.clone.description).toContain('new.sqlite does not exist yet');
    expect(rehearsal.steps.map((s) => s.revision)).toEqual(['r001', 'r002']);
    expect(existsSync(path)).toBe(false);
  });

  it('copies the file with the backup API, reports the failure, and leaves the file as it was', async () => {
    const dir = tempDir();
    const path = join(dir, 'shop.sqlite');
    const project = join(dir, 'migrations');
    writeNativeProject(project, revisions(''));
    await runTarget(sqliteTarget(path, project), { action: 'upgrade', to: 'r001' }, { actor: 'tester' });
    const before = sqliteFingerprint(path);
    const built = services();
    const ref = { url: `sqlite:${path}`, project };

    const failed = await rehearsed(built, ref, 'heads');
    expect(failed).toMatchObject({ ok: false, clone: { how: 'file copy' }, locks: [] });
    expect(failed.failure?.message).toMatch(/003_r003\.sql:6:1.*no_such_table/);
    expect(failed.locksNote).toContain('whole database file');
    expect(sqliteFingerprint(path)).toEqual(before);

    const passed = await rehearsed(built, ref, 'r002');
    expect(passed.ok).toBe(true);
    expect(
      allDifferences(passed.schemaChange ?? { equal: true, groups: [], unread: { from: [], to: [] } }).map((d) => `${d.change} ${d.kind} ${d.name}`),
    ).toContain('added column shipped');
    expect(sqliteFingerprint(path)).toEqual(before);
    expect(await built.rehearsals.standing(ref, { action: 'upgrade', to: 'r002' })).toMatchObject({ state: 'rehearsed' });
  });
});
