// More sessions for a large schema read, all on the snapshot of the reader's own transaction: the
// reader exports it (pg_export_snapshot, as pg_dump -j does) and each other session imports it (SET
// TRANSACTION SNAPSHOT) into a read-only repeatable-read transaction of its own, so the queries shared
// out among them all see the same moment and the model is still one consistent picture. Where the
// server refuses (a role that may not call pg_export_snapshot, a connection limit, a server that cannot
// share a snapshot) the read goes on with the sessions it has, and its notes say so.
import type { Driver } from '../../../drivers/driver';
import { canOpenAnother } from '../postgresDriver';

const readTransaction = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';
// search_path is pg_catalog alone for the read: the server then prints every user object schema-qualified.
// The families' rows come sorted: a large database's columns (a few MB) sorted on disk under the default
// work_mem of 4 MB took the server a third of that query; the read's transaction allows more.
const catalogPath = "SET LOCAL search_path = pg_catalog; SET LOCAL work_mem = '64MB'";

/** Opens the read's transaction on the reader's own session. */
export async function beginRead(driver: Driver): Promise<void> {
  await driver.execScript(`${readTransaction}; ${catalogPath}`);
}

export interface SharedSnapshot {
  /** Each other session once it has imported the snapshot; undefined for one that could not. */
  joining: Array<Promise<Driver | undefined>>;
  /** What went otherwise than planned, in the user's words: complete once `joining` has settled. */
  notes(): string[];
  /** Waits for the other sessions to join or fail, and ends them (their transactions are read-only). */
  close(): Promise<void>;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function alone(planned: number, why: string): SharedSnapshot {
  return { joining: [], notes: () => [`Read on one connection instead of ${planned}: ${why}.`], close: async () => undefined };
}

/**
 * Opens `others` more sessions on `driver`'s snapshot. `driver` must be in the read's transaction
 * (beginRead); when the server will not export its snapshot that transaction is begun again, so the
 * read still sees one moment.
 */
export async function shareSnapshot(driver: Driver, others: number): Promise<SharedSnapshot> {
  const planned = others + 1;
  if (!canOpenAnother(driver)) return alone(planned, 'this session cannot open another to share the read');
  // Connecting takes a round trip or more: done while the snapshot is exported.
  const opening = Array.from({ length: others }, () => driver.openAnother());
  for (const session of opening) session.catch(() => undefined);
  let snapshot: string;
  try {
    const [row] = await driver.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
    snapshot = row?.snapshot ?? '';
  } catch (error) {
    await Promise.all(opening.map((session) => session.then((opened) => opened.close()).catch(() => undefined)));
    // The failed call ended the transaction: the read starts again in a new one, on a moment of its own.
    await driver.execScript('ROLLBACK');
    await beginRead(driver);
    return alone(planned, `the server would not share this read's snapshot with another session (${messageOf(error)})`);
  }
  const refusals = new Set<string>();
  let refused = 0;
  const joining = opening.map(async (pending) => {
    let session: Driver | undefined;
    try {
      session = await pending;
      await session.execScript(`${readTransaction}; SET TRANSACTION SNAPSHOT ${session.literal(snapshot)}; ${catalogPath}`);
      return session;
    } catch (error) {
      refused += 1;
      refusals.add(messageOf(error));
      await session?.close();
      return undefined;
    }
  });
  return {
    joining,
    notes: () =>
      refused === 0
        ? []
        : [
            `Read on ${refused === others ? 'one connection' : `${planned - refused} connections`} instead of ${planned}: ${refused === 1 ? 'another session' : `${refused} other sessions`} could not join it (${[...refusals].join('; ')}).`,
          ],
    async close() {
      await Promise.all(joining.map(async (joined) => (await joined)?.close()));
    },
  };
}
