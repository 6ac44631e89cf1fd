// The journal of fleet rollouts (store step 8): the rollout as asked, and each database's row,
// written before and after each database runs, so a rollout cut off anywhere resumes from here.
import { SwitchyardError } from '../../src-shared/errors';
import { rolloutCounts, rolloutRequestSchema, rolloutScope, type Rollout, type RolloutItem, type RolloutState } from '../../src-shared/model/rollout';
import type { StoreDatabase } from './openStore';

interface RolloutRow {
  id: string;
  request: string;
  state: RolloutState;
  actor: string;
  owner_pid: number | null;
  owner_host: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

interface ItemRow {
  profile_id: string;
  position: number;
  profile_name: string;
  state: RolloutItem['state'];
  detail: string;
  started_at: string | null;
  finished_at: string | null;
}

/** Which process runs a rollout: the one to ask whether it still does. */
export interface RolloutOwner {
  pid: number;
  host: string;
}

export type JournalledRollout = Rollout & { owner?: RolloutOwner };

type ItemDetail = Pick<RolloutItem, 'applied' | 'holder' | 'failure' | 'passes' | 'role' | 'rehearsal'>;

function itemOf(row: ItemRow): RolloutItem {
  const detail = JSON.parse(row.detail) as Partial<ItemDetail>;
  return {
    profileId: row.profile_id,
    name: row.profile_name,
    ...(detail.role === undefined ? {} : { role: detail.role }),
    position: row.position,
    state: row.state,
    applied: detail.applied ?? [],
    passes: detail.passes ?? 0,
    ...(detail.holder === undefined ? {} : { holder: detail.holder }),
    ...(detail.failure === undefined ? {} : { failure: detail.failure }),
    ...(detail.rehearsal === undefined ? {} : { rehearsal: detail.rehearsal }),
    ...(row.started_at ? { startedAt: row.started_at } : {}),
    ...(row.finished_at ? { finishedAt: row.finished_at } : {}),
  };
}

function detailOf(item: RolloutItem): string {
  const detail: ItemDetail = { applied: item.applied, passes: item.passes };
  if (item.role !== undefined) detail.role = item.role;
  if (item.holder !== undefined) detail.holder = item.holder;
  if (item.failure !== undefined) detail.failure = item.failure;
  if (item.rehearsal !== undefined) detail.rehearsal = item.rehearsal;
  return JSON.stringify(detail);
}

export class RolloutJournal {
  constructor(private readonly db: StoreDatabase) {}

  create(rollout: Rollout, projectId: string | null, owner: RolloutOwner): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO rollouts (id, project_id, request, state, actor, owner_pid, owner_host, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(rollout.id, projectId, JSON.stringify(rollout.request), rollout.state, rollout.actor, owner.pid, owner.host, rollout.createdAt, rollout.updatedAt);
      const insert = this.db.prepare('INSERT INTO rollout_items (rollout_id, profile_id, position, profile_name, state, detail) VALUES (?, ?, ?, ?, ?, ?)');
      for (const item of rollout.items) insert.run(rollout.id, item.profileId, item.position, item.name, item.state, detailOf(item));
    })();
  }

  /** The rollout's own state; `owner` when a process takes it (a resume), `finishedAt` when it ends. */
  setState(id: string, state: RolloutState, at: string, { owner, finishedAt }: { owner?: RolloutOwner; finishedAt?: string } = {}): void {
    this.db
      .prepare(
        `UPDATE rollouts SET state = ?, updated_at = ?, finished_at = ?,
           owner_pid = coalesce(?, owner_pid), owner_host = coalesce(?, owner_host) WHERE id = ?`,
      )
      .run(state, at, finishedAt ?? null, owner?.pid ?? null, owner?.host ?? null, id);
  }

  /** Found running with no live process: the rollout and the rows that were running when it was cut off. */
  markInterrupted(id: string, at: string): void {
    this.db.transaction(() => {
      this.db.prepare("UPDATE rollouts SET state = 'interrupted', updated_at = ? WHERE id = ? AND state = 'running'").run(at, id);
      this.db.prepare("UPDATE rollout_items SET state = 'interrupted' WHERE rollout_id = ? AND state = 'running'").run(id);
    })();
  }

  /** One database's row as it is now (before it runs, and after). */
  writeItem(id: string, item: RolloutItem): void {
    this.db
      .prepare('UPDATE rollout_items SET state = ?, detail = ?, started_at = ?, finished_at = ? WHERE rollout_id = ? AND profile_id = ?')
      .run(item.state, detailOf(item), item.startedAt ?? null, item.finishedAt ?? null, id, item.profileId);
    this.db.prepare('UPDATE rollouts SET updated_at = ? WHERE id = ?').run(new Date().toISOString(), id);
  }

  get(id: string): JournalledRollout {
    const row = this.db.prepare('SELECT * FROM rollouts WHERE id = ?').get(id) as RolloutRow | undefined;
    if (!row) throw new SwitchyardError('E_NOT_FOUND', `No rollout ${id}: \`switchyard rollout list\` lists them.`);
    const items = (this.db.prepare('SELECT * FROM rollout_items WHERE rollout_id = ? ORDER BY position').all(id) as ItemRow[]).map(itemOf);
    return { ...this.headOf(row), items, counts: rolloutCounts(items) };
  }

  /** Newest first; an id prefix of at least 4 characters finds one. */
  find(idOrPrefix: string): string {
    const rows = this.db.prepare("SELECT id FROM rollouts WHERE id LIKE ? || '%' ESCAPE '\\' LIMIT 2").all(idOrPrefix.replace(/[\\%_]/g, '\\$&')) as {
      id: string;
    }[];
    if (idOrPrefix.length < 4 || rows.length === 0)
      throw new SwitchyardError('E_NOT_FOUND', `No rollout ${idOrPrefix}: \`switchyard rollout list\` lists them.`);
    if (rows.length > 1) throw new SwitchyardError('E_INVALID_INPUT', `Several rollouts start with ${idOrPrefix}: give more of the id.`);
    return rows[0]!.id;
  }

  /** The newest rollout's id, if any. */
  last(): string | undefined {
    const row = this.db.prepare('SELECT id FROM rollouts ORDER BY created_at DESC, rowid DESC LIMIT 1').get() as { id: string } | undefined;
    return row?.id;
  }

  /** Newest first, each with its counts. */
  list(limit: number): JournalledRollout[] {
    const rows = this.db.prepare('SELECT * FROM rollouts ORDER BY created_at DESC, rowid DESC LIMIT ?').all(limit) as RolloutRow[];
    const counts = this.db.prepare('SELECT state, count(*) AS n FROM rollout_items WHERE rollout_id = ? GROUP BY state');
    return rows.map((row) => {
      const byState = new Map((counts.all(row.id) as { state: string; n: number }[]).map((c) => [c.state, c.n]));
      const total = [...byState.values()].reduce((a, b) => a + b, 0);
      const [done, failed, locked] = [byState.get('done') ?? 0, byState.get('failed') ?? 0, byState.get('locked') ?? 0];
      return { ...this.headOf(row), items: [], counts: { total, done, failed, locked, unfinished: total - done - failed - locked } };
    });
  }

  private headOf(row: RolloutRow): Omit<JournalledRollout, 'items' | 'counts'> {
    const request = rolloutRequestSchema.parse(JSON.parse(row.request));
    return {
      id: row.id,
      request,
      scope: rolloutScope(request),
      state: row.state,
      actor: row.actor,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      ...(row.finished_at ? { finishedAt: row.finished_at } : {}),
      ...(row.owner_pid !== null && row.owner_host !== null ? { owner: { pid: row.owner_pid, host: row.owner_host } } : {}),
    };
  }
}
