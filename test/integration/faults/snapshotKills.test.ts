// `switchyard snapshot restore` and `snapshot create` SIGKILLed at each statement that creates,
// drops, renames or empties a database (issue 10): the database is always whole — as it was, or
// as the snapshot — the snapshot survives, nothing is left on the server that `snapshot list`
// does not show, and running the command again finishes the job exactly.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { output } from '../../support/cliProcess';
import { databasesLike } from '../../support/databaseFingerprint';
import { adminQuery } from '../../support/scratchDatabase';
import { openFaultBench, type FaultBench } from './faultSupport';

const server = inject('postgres');
let bench: FaultBench;

beforeAll(async () => {
  bench = await openFaultBench(server, 'fault_snapshot');
});
afterAll(() => bench.close());

// Statements that change a database durably. Ending sessions does not: the state after it is the
// state after the statement before, which is a kill point already.
const databaseStatement = /\b(CREATE|DROP|ALTER) DATABASE\b/i;

/** Holds the n-th (from 0) statement that changes a database. */
function nthDatabaseStatement(n: number) {
  return (sql: string, earlier: readonly string[]) => databaseStatement.test(sql) && earlier.filter((s) => databaseStatement.test(s)).length === n;
}

/** A kill point too many means a command that never ends; the commands here have a handful. */
const mostStatements = 12;
/** Each kill point is two or three CLI runs. */
const loopTimeout = 300_000;

/**
 * Runs the command once per kill point, SIGKILLed after its n-th database statement (n = 0, 1, …),
 * until a run reaches its end unkilled; `prepare` runs before each, `check` after each kill.
 */
async function atEveryDatabaseStatement(
  args: (n: number) => string[],
  prepare: (n: number) => Promise<void>,
  check: (where: string) => Promise<void>,
): Promise<void> {
  for (let n = 0; n < mostStatements; n += 1) {
    await prepare(n);
    const { held, run } = await bench.cli.killAtIfReached(bench.proxy, nthDatabaseStatement(n), 'afterReply', args(n));
    if (!held) {
      expect(run.code, output(run)).toBe(0);
      expect(n, 'the command changed no database at all').toBeGreaterThan(0);
      return;
    }
    await bench.settled();
    await check(`killed after: ${held.sql}`);
  }
  throw new Error(`Still not done after ${mostStatements} kill points.`);
}

interface Listed {
  id: string;
  name: string;
  location: string;
}

async function listed(database: string): Promise<Listed[]> {
  const run = await bench.cli.run(['snapshot', 'list', '--url', bench.url(database), '--json']);
  expect(run.code, output(run)).toBe(0);
  return JSON.parse(run.stdout) as Listed[];
}

/**
 * Takes a snapshot, then runs the restore command killed after each of its database statements,
 * with rows written after the snapshot each time so "as it was" and "as the snapshot" differ.
 */
async function restoreKilledAtEveryStatement(restoreArgs: (database: string, snapshotId: string) => string[]): Promise<void> {
  const database = await bench.shopDatabase();
  const take = await bench.cli.run(['snapshot', 'create', '--url', bench.url(database), '--name', 'known good', '--json']);
  expect(take.code, output(take)).toBe(0);
  const snapshot = JSON.parse(take.stdout) as Listed;
  const atSnapshot = await bench.fingerprint(database);
  const args = restoreArgs(database, snapshot.id);

  let before = atSnapshot;
  await atEveryDatabaseStatement(
    () => args,
    async (n) => {
      await adminQuery(server, `INSERT INTO customers VALUES (${1000 + n}, 'written after the snapshot')`, database);
      before = await bench.fingerprint(database);
    },
    async (where) => {
      expect(await bench.exists(database), where).toBe(true);
      expect([before, atSnapshot], where).toContainEqual(await bench.fingerprint(database));
      // Restoring the same snapshot again also proves the kill did not use it up.
      const again = await bench.cli.run(args);
      expect(again.code, `${where}\n${output(again)}`).toBe(0);
      expect(await bench.fingerprint(database), where).toEqual(atSnapshot);
    },
  );
}

describe('a restore killed at each statement leaves the database whole (as it was or as the snapshot), keeps the snapshot, and a re-run restores it exactly', () => {
  it('switchyard snapshot restore', { timeout: loopTimeout }, async () => {
    await restoreKilledAtEveryStatement((database, id) => ['snapshot', 'restore', id, '--url', bench.url(database)]);
  });

  it('switchyard reset --mode snapshot', { timeout: loopTimeout }, async () => {
    // Without a snapshot of its own first: the kill points are the restore's.
    await restoreKilledAtEveryStatement((database, id) => [
      'reset',
      '--url',
      bench.url(database),
      '--mode',
      'snapshot',
      '--snapshot',
      id,
      '--no-snapshot',
      '--i-understand',
      '--confirm',
      database,
    ]);
  });
});

describe('switchyard snapshot create killed at each statement', () => {
  it(
    'never changes the database, leaves no copy that snapshot list does not show, and a re-run takes a snapshot that restores',
    { timeout: loopTimeout },
    async () => {
      const database = await bench.shopDatabase();
      const original = await bench.fingerprint(database);
      const createArgs = (name: string) => ['snapshot', 'create', '--url', bench.url(database), '--name', name, '--json'];

      let serverBefore = new Set<string>();
      await atEveryDatabaseStatement(
        (n) => createArgs(`killed ${n}`),
        async () => {
          serverBefore = new Set(await databasesLike(server, ''));
        },
        async (where) => {
          expect(await bench.fingerprint(database), where).toEqual(original);
          const locations = (await listed(database)).map((s) => s.location);
          const leftOver = (await databasesLike(server, '')).filter((name) => !serverBefore.has(name));
          expect(
            leftOver.filter((name) => !locations.includes(name)),
            `${where}: databases on the server that snapshot list does not show`,
          ).toEqual([]);
        },
      );

      const take = await bench.cli.run(createArgs('after the kills'));
      expect(take.code, output(take)).toBe(0);
      const snapshot = JSON.parse(take.stdout) as Listed;
      await adminQuery(server, 'DELETE FROM orders', database);
      const restore = await bench.cli.run(['snapshot', 'restore', snapshot.id, '--url', bench.url(database)]);
      expect(restore.code, output(restore)).toBe(0);
      expect(await bench.fingerprint(database)).toEqual(original);
    },
  );
});
