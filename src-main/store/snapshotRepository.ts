// Snapshot records in the store. The data itself lives on the server (a template database) or in
// the app's data folder (a SQLite backup); the record says where, of which database, and from which revisions.
import type { Snapshot } from '../../src-shared/model/reset';
import { SwitchyardError } from '../../src-shared/errors';
import type { StoreDatabase } from './openStore';

interface SnapshotRow {
  id: string;
  profile_id: string;
  database_key: string;
  state: Snapshot['state'];
  name: string;
  created_at: string;
  size_bytes: number;
  heads: string;
  engine: Snapshot['engine'];
  location: string;
  owner: string | null;
  encoding: string | null;
  collation: string | null;
  ctype: string | null;
  creator_pid: number | null;
}

function toSnapshot(row: SnapshotRow): Snapshot {
  return {
    id: row.id,
    profileId: row.profile_id,
    databaseKey: row.database_key,
    state: row.state,
    name: row.name,
    createdAt: row.created_at,
    sizeBytes: row.size_bytes,
    heads: JSON.parse(row.heads) as string[],
    engine: row.engine,
    location: row.location,
    ...(row.owner !== null && row.encoding !== null && row.collation !== null && row.ctype !== null
      ? { shape: { owner: row.owner, encoding: row.encoding, collate: row.collation, ctype: row.ctype } }
      : {}),
  };
}

export class SnapshotRepository {
  constructor(private readonly db: StoreDatabase) {}

  /** The database's snapshots, newest first, unfinished ones included. */
  list(databaseKey: string): Snapshot[] {
    const rows = this.db.prepare('SELECT * FROM snapshots WHERE database_key = ? ORDER BY created_at DESC, rowid DESC').all(databaseKey) as SnapshotRow[];
    return rows.map(toSnapshot);
  }

  get(id: string): Snapshot {
    const row = this.db.prepare('SELECT * FROM snapshots WHERE id = ?').get(id) as SnapshotRow | undefined;
    if (!row) throw new SwitchyardError('E_NOT_FOUND', `No snapshot with id ${id}.`);
    return toSnapshot(row);
  }

  /** Snapshots whose id starts with `prefix`, as lists print ids (their first 8 characters). */
  startingWith(prefix: string): Snapshot[] {
    const rows = this.db.prepare('SELECT * FROM snapshots WHERE substr(id, 1, ?) = ? ORDER BY id').all(prefix.length, prefix) as SnapshotRow[];
    return rows.map(toSnapshot);
  }

  /** `creatorPid`: the process making the copy, for a snapshot recorded in state 'creating'. */
  add(snapshot: Snapshot, creatorPid?: number): void {
    const shape = snapshot.shape;
    this.db
      .prepare(
        `INSERT INTO snapshots (id, profile_id, database_key, state, name, created_at, size_bytes, heads, engine, location, owner, encoding, collation, ctype, creator_pid)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        snapshot.id,
        snapshot.profileId,
        snapshot.databaseKey,
        snapshot.state,
        snapshot.name,
        snapshot.createdAt,
        snapshot.sizeBytes,
        JSON.stringify(snapshot.heads),
        snapshot.engine,
        snapshot.location,
        shape?.owner ?? null,
        shape?.encoding ?? null,
        shape?.collate ?? null,
        shape?.ctype ?? null,
        creatorPid ?? null,
      );
  }

  /** The database's snapshots still in state 'creating', with the process that was making each. */
  creating(databaseKey: string): Array<{ snapshot: Snapshot; creatorPid: number | null }> {
    const rows = this.db.prepare("SELECT * FROM snapshots WHERE database_key = ? AND state = 'creating'").all(databaseKey) as SnapshotRow[];
    return rows.map((row) => ({ snapshot: toSnapshot(row), creatorPid: row.creator_pid }));
  }

  /** The copy exists and is complete: the snapshot can be restored. */
  markReady(id: string, sizeBytes: number): void {
    this.db.prepare("UPDATE snapshots SET state = 'ready', size_bytes = ?, creator_pid = NULL WHERE id = ?").run(sizeBytes, id);
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM snapshots WHERE id = ?').run(id);
  }
}
