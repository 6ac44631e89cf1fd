// SQLite under faults (issue 10). There is no wire to hold a statement on, so the tests stop the CLI
// at a step they can see: the seed file is a named pipe (the CLI is at the seed step when it opens
// it), a slow migration's rollback journal is on disk (the CLI is migrating), and a snapshot's
// backup waits on a write lock the test holds (the CLI is copying when its file appears). Then
// SIGKILL, the next command, the recovery it prints, and every row compared.
import { execFileSync } from 'node:child_process';
import { closeSync, constants, existsSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTarget } from '../../../src-main/runner/runnerService';
import { openSqlite } from '../../../src-main/sqliteModule';
import { output, printedCommand, type Cli } from '../../support/cliProcess';
import { sqliteFingerprint, type DatabaseFingerprint } from '../../support/databaseFingerprint';
import { sqliteTarget } from '../../support/migrationTargets';
import { writeNativeProject } from '../../support/nativeProject';
import { tempDir } from '../../support/tempDir';
import { shop } from '../reset/resetSupport';
import { faultCli } from './faultSupport';

interface Workspace {
  cli: Cli;
  home: string;
  project: string;
  path: string;
  url: string;
}

// Long enough (a few seconds) that a test watching the file sees the reset in its migrate step.
const slowRevision = {
  id: 'bulk03',
  parents: ['ordr02'],
  message: 'a slow backfill',
  up: 'CREATE TABLE order_lines (id int);\nWITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) INSERT INTO order_lines SELECT i FROM n;',
};

/** The shop at ordr02 with a few rows; the project also holds the slow revision, pending. */
async function shopFile(): Promise<Workspace> {
  const home = tempDir();
  const project = join(home, 'migrations');
  writeNativeProject(project, [...shop, slowRevision]);
  const path = join(home, 'shop.db');
  openSqlite(path).close();
  await runTarget(sqliteTarget(path, project, {}), { action: 'upgrade', to: 'ordr02' }, { actor: 'fault test setup' });
  const db = openSqlite(path);
  db.exec("INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace'); INSERT INTO orders VALUES (10, 1), (11, 2)");
  db.close();
  return { cli: await faultCli(home), home, project, path, url: `sqlite://${path}` };
}

/** A named pipe: `opened` resolves when a reader opens it; `close` lets a reader that never came go. */
function namedPipe(path: string): { opened: Promise<void>; close(): void } {
  execFileSync('mkfifo', [path]);
  const writer = open(path, 'w');
  return {
    opened: writer.then(() => undefined),
    close() {
      // A writer still waiting for a reader is released by opening the read end ourselves.
      closeSync(openSync(path, constants.O_RDONLY | constants.O_NONBLOCK));
      void writer.then((handle) => handle.close());
    },
  };
}

/** Resolves when `appeared` says so, looking every 20 ms; gives up after a minute. */
async function until(appeared: () => boolean, what: string): Promise<void> {
  for (let look = 0; look < 3000; look += 1) {
    if (appeared()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Never saw ${what}`);
}

/** Resolves when a file appears in `dir` (made first if missing). */
function fileAppears(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  return until(() => readdirSync(dir).length > 0, `a file in ${dir}`);
}

/** Another program reading the file: its read transaction (a shared lock) open until `release`. */
function readerHolding(path: string): { release(): void } {
  const db = openSqlite(path);
  db.exec('BEGIN');
  db.prepare('SELECT count(*) FROM customers').get();
  return {
    release() {
      db.exec('COMMIT');
      db.close();
    },
  };
}

/** Another program in the middle of writing the file: its write lock held until `release`. */
function writerHolding(path: string): { release(): void } {
  const db = openSqlite(path);
  db.exec("BEGIN EXCLUSIVE; INSERT INTO customers VALUES (99, 'uncommitted')");
  return {
    release() {
      db.exec('ROLLBACK');
      db.close();
    },
  };
}

/** The next command says the reset was interrupted and prints the restore, which brings `original` back. */
async function expectRecoveryAfterInterruptedReset(space: Workspace, original: DatabaseFingerprint): Promise<void> {
  const next = await space.cli.run(['snapshot', 'list', '--url', space.url]);
  expect(output(next)).toMatch(/reset .*interrupted|interrupted .*reset/i);
  const line = printedCommand(output(next), 'snapshot restore');
  expect(line, output(next)).toBeDefined();
  const recovery = await space.cli.runPrinted(line ?? '');
  expect(recovery.code, output(recovery)).toBe(0);
  expect(sqliteFingerprint(space.path)).toEqual(original);
}

interface Listed {
  id: string;
  location: string;
}

async function listed(space: Workspace): Promise<Listed[]> {
  const run = await space.cli.run(['snapshot', 'list', '--url', space.url, '--json']);
  expect(run.code, output(run)).toBe(0);
  return JSON.parse(run.stdout) as Listed[];
}

describe('SQLite under faults', { timeout: 180_000 }, () => {
  it('a reset killed at its seed step: the next command says so and its printed restore brings every row back', async () => {
    const space = await shopFile();
    const original = sqliteFingerprint(space.path);
    const seed = join(space.home, 'seed.sql');
    const pipe = namedPipe(seed);
    try {
      await space.cli.killWhen(pipe.opened, [
        'reset',
        '--url',
        space.url,
        '--project',
        space.project,
        '--mode',
        'recreate',
        '--to',
        'ordr02',
        '--seed',
        seed,
        '--confirm',
        'shop.db',
      ]);
    } finally {
      pipe.close();
    }
    await expectRecoveryAfterInterruptedReset(space, original);
  });

  it('a reset killed in its migrate step, mid-statement: the next command says so and its printed restore brings every row back', async () => {
    const space = await shopFile();
    const original = sqliteFingerprint(space.path);
    // The file is dropped and created again before the migrations write to it: a rollback journal
    // beside it means a migration's transaction is open.
    await space.cli.killWhen(
      until(() => existsSync(`${space.path}-journal`), 'a migration writing'),
      ['reset', '--url', space.url, '--project', space.project, '--mode', 'recreate', '--to', 'heads', '--confirm', 'shop.db'],
    );
    await expectRecoveryAfterInterruptedReset(space, original);
  });

  it('a snapshot killed while its copy is being written leaves no file that snapshot list does not show', async () => {
    const space = await shopFile();
    const original = sqliteFingerprint(space.path);
    const snapshots = join(space.home, 'snapshots');
    const writer = writerHolding(space.path);
    try {
      await space.cli.killWhen(fileAppears(snapshots), ['snapshot', 'create', '--url', space.url, '--name', 'killed']);
    } finally {
      writer.release();
    }
    const locations = (await listed(space)).map((s) => s.location);
    const unseen = existsSync(snapshots) ? readdirSync(snapshots).filter((file) => !locations.some((l) => join(snapshots, file).startsWith(l))) : [];
    expect(unseen).toEqual([]);
    expect(sqliteFingerprint(space.path)).toEqual(original);
  });

  it('a snapshot taken while another program holds a write lock is a full copy, or fails saying so and records nothing; never an empty copy', async () => {
    const space = await shopFile();
    const original = sqliteFingerprint(space.path);
    const writer = writerHolding(space.path);
    let take;
    try {
      take = await space.cli.run(['snapshot', 'create', '--url', space.url, '--name', 'while locked', '--json']);
    } finally {
      writer.release();
    }
    if (take.code !== 0) {
      expect(output(take)).not.toContain('E_INTERNAL');
      expect(output(take)).toMatch(/locked|busy|in use/i);
      expect(await listed(space)).toEqual([]);
      return;
    }
    const snapshot = JSON.parse(take.stdout) as Listed;
    expect(sqliteFingerprint(snapshot.location)).toEqual(original);
  });

  it('a restore while another program reads the database restores every row, or fails saying so; never reports success without restoring', async () => {
    const space = await shopFile();
    const take = await space.cli.run(['snapshot', 'create', '--url', space.url, '--name', 'known good', '--json']);
    expect(take.code, output(take)).toBe(0);
    const snapshot = JSON.parse(take.stdout) as Listed;
    const atSnapshot = sqliteFingerprint(space.path);
    const db = openSqlite(space.path);
    db.exec('DELETE FROM orders');
    db.close();
    const before = sqliteFingerprint(space.path);

    const reader = readerHolding(space.path);
    let restore;
    try {
      restore = await space.cli.run(['snapshot', 'restore', snapshot.id, '--url', space.url]);
    } finally {
      reader.release();
    }
    if (restore.code !== 0) {
      expect(output(restore)).not.toContain('E_INTERNAL');
      expect(output(restore)).toMatch(/locked|busy|in use/i);
      expect(sqliteFingerprint(space.path)).toEqual(before);
      return;
    }
    expect(sqliteFingerprint(space.path)).toEqual(atSnapshot);
  });
});
