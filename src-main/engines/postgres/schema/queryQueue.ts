// The queries of one schema read, shared out among its sessions: each session takes the next query
// waiting when its last one has answered (one statement in flight per session: pg deprecates queuing
// them), and sends it before handing the last one's rows on, so the server works while this process
// builds. With one session this is the queries one after the other, in the order they were added.
import type { Driver } from '../../../drivers/driver';
import type { CatalogRow } from './foundObject';

interface Query {
  sql: string;
  parameters: unknown[];
  answer(rows: CatalogRow[]): void;
  refuse(error: unknown): void;
}

export class QueryQueue {
  private readonly waiting: Query[] = [];

  /** The rows of `sql`, once a session has run it. */
  add<Row extends CatalogRow = CatalogRow>(sql: string, parameters: unknown[]): Promise<Row[]> {
    const rows = new Promise<CatalogRow[]>((answer, refuse) => this.waiting.push({ sql, parameters, answer, refuse }));
    // A read that fails early never waits for the rest: their refusal is not an unhandled one.
    rows.catch(() => undefined);
    return rows as Promise<Row[]>;
  }

  /** Runs the waiting queries on `session` until none is left; settles when its last one has answered. */
  async serve(session: Driver): Promise<void> {
    let current = this.send(session);
    while (current !== undefined) {
      let rows: CatalogRow[];
      try {
        rows = await current.rows;
      } catch (error) {
        current.query.refuse(error);
        this.stop(error);
        return;
      }
      const next = this.send(session);
      current.query.answer(rows);
      current = next;
    }
  }

  /** Nothing more is sent (the read failed): the queries still waiting are refused with `reason`. */
  stop(reason: unknown): void {
    for (const query of this.waiting.splice(0)) query.refuse(reason);
  }

  private send(session: Driver): { query: Query; rows: Promise<CatalogRow[]> } | undefined {
    const query = this.waiting.shift();
    return query === undefined ? undefined : { query, rows: session.query(query.sql, query.parameters) };
  }
}
