// The locks a rehearsal's run takes on tables that existed before it, sampled from pg_locks on a
// connection of its own every few milliseconds, and between two statements when the run asks.
import type { ConnectionTarget } from '../../drivers/driver';
import type { LockWatch, SeenLock } from '../../scratch/cloneDatabase';
import { connectPostgres } from './postgresDriver';

/** Often enough to see a lock held for a noticeable time; a lock held for less may be missed, and the report says so. */
export const lockSampleMs = 10;

export async function watchPostgresLocks(database: ConnectionTarget): Promise<LockWatch> {
  const watcher = await connectPostgres(database);
  // Tables that exist now: a lock on a table the plan creates blocks nobody.
  const existing = await watcher.query<{ oid: number; table: string }>(
    `SELECT c.oid::int AS oid, CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END AS "table"
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'`,
  );
  const names = new Map(existing.map((r) => [Number(r.oid), r.table]));
  const seen = new Map<string, SeenLock>();
  const started = performance.now();
  let during = '';
  let stopped = false;

  const sample = async () => {
    const rows = await watcher.query<{ oid: number; mode: string }>(
      `SELECT relation::int AS oid, mode FROM pg_locks
        WHERE granted AND locktype = 'relation' AND pid <> pg_backend_pid() AND relation = ANY($1::oid[])
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [[...names.keys()]],
    );
    const now = performance.now() - started;
    for (const { oid, mode } of rows) {
      const table = names.get(Number(oid));
      if (!table) continue;
      const key = `${table}\u0000${mode}\u0000${during}`;
      const lock = seen.get(key);
      if (lock) lock.lastSeenMs = now;
      else seen.set(key, { table, mode, during, firstSeenMs: now, lastSeenMs: now });
    }
  };

  let failure: string | undefined;
  // One statement at a time on the watcher's connection: the timed samples and those asked for between statements take turns.
  let turn: Promise<void> = Promise.resolve();
  const sampleNow = () => (turn = turn.then(sample));
  const loop = (async () => {
    while (!stopped) {
      await sampleNow();
      await new Promise((resolve) => setTimeout(resolve, lockSampleMs));
    }
  })().catch((error: unknown) => {
    // The run goes on without its watch; the report says from when it saw nothing.
    failure = `sampling stopped after ${Math.round(performance.now() - started)} ms: ${(error as Error).message}`;
  });

  return {
    get note() {
      const how = `sampled from pg_locks every ${lockSampleMs} ms on tables that existed before the run: a lock held for less may be missing`;
      return failure ? `${how}; ${failure}` : how;
    },
    async during(what) {
      // A watch that stopped sampling says so in its note; the run goes on.
      if (failure === undefined && !stopped) await sampleNow().catch(() => undefined);
      during = what;
    },
    async stop() {
      stopped = true;
      await loop;
      await watcher.close();
      return [...seen.values()];
    },
  };
}
