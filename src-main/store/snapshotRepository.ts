// Snapshot records in the store. The data itself lives on the server (a template database) or in
// the app's data folder (a SQLite backup); the record says where and from which revisions.
import type { Snapshot } from '../../src-shared/model/reset';
import { SwitchyardError } from '../../src-shared/errors';
import type { StoreDatabase } from './openStore';

interface SnapshotRow {
  id: string;
  profile_id: string;
  name: string;
  created_at: string;
  size_bytes: number;
  heads: string;
  engine: Snapshot['engine'];
  location: string;
}

function toSnapshot(row: SnapshotRow): Snapshot {
  return {
    id: row.id,
    profileId: row.profile_id,
    name: row.name,
    createdAt: row.created_at,
    sizeBytes: row.size_bytes,
    heads: JSON.parse(row.heads) as string[],
    engine: row.engine,
    location: row.location,
  };
}

export class SnapshotRepository {
  constructor(private readonly db: StoreDatabase) {}

  /** Newest first. */
  list(profileId: string): Snapshot[] {
    const rows = this.db.prepare('SELECT * FROM snapshots WHERE profile_id = ? ORDER BY created_at DESC, rowid DESC').all(profileId) as SnapshotRow[];
    return rows.map(toSnapshot);
  }

  get(id: string): Snapshot {
    const row = this.db.prepare('SELECT * FROM snapshots WHERE id = ?').get(id) as SnapshotRow | undefined;
    if (!row) throw new SwitchyardError('E_NOT_FOUND', `No snapshot with id ${id}.`);
    return toSnapshot(row);
  }

  add(snapshot: Snapshot): void {
    this.db
      .prepare('INSERT INTO snapshots (id, profile_id, name, created_at, size_bytes, heads, engine, location) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(snapshot.id, snapshot.profileId, snapshot.name, snapshot.createdAt, snapshot.sizeBytes, JSON.stringify(snapshot.heads), snapshot.engine, snapshot.location);
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM snapshots WHERE id = ?').run(id);
  }
}
