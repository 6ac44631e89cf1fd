// Store step 4 on a store written by the previous version (schema 3): every snapshot recorded per
// profile or per --url target moves to its database's key, ready to restore, so an upgrade loses none.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseKeyOf } from '../../../src-main/reset/databaseKey';
import { openSqlite } from '../../../src-main/sqliteModule';
import { storeMigrations } from '../../../src-main/store/schema';
import { SnapshotRepository } from '../../../src-main/store/snapshotRepository';
import { tempDir } from '../../support/tempDir';

const snapshotRow = (id: string, profileId: string, engine: string, location: string) =>
  `INSERT INTO snapshots (id, profile_id, name, created_at, size_bytes, heads, engine, location) VALUES ('${id}', '${profileId}', 'old ${id}', '2026-01-01T00:00:00Z', 10, '["r1"]', '${engine}', '${location}')`;

describe('store step 4: snapshots belong to the database', () => {
  it('moves the snapshots of a schema 3 store to their database, ready, with nothing lost', () => {
    const db = openSqlite(join(tempDir(), 'store.db'));
    for (const migration of storeMigrations.filter((m) => m.version <= 3)) db.exec(migration.sql);
    const sqlitePath = join(tempDir(), 'shop.sqlite');
    db.exec(`
      INSERT INTO profiles (id, name, environment, engine, host, port, database, user, created_at, updated_at)
        VALUES ('p-pg', 'Orders', 'staging', 'postgres', 'DB.example.com', 5433, 'Orders', 'app', 'x', 'x');
      INSERT INTO profiles (id, name, environment, engine, sqlite_path, created_at, updated_at)
        VALUES ('p-lite', 'Shop', 'dev', 'sqlite', '${sqlitePath}', 'x', 'x');
      ${snapshotRow('s1', 'p-pg', 'postgres', 'switchyard_snapshot_1')};
      ${snapshotRow('s2', 'p-lite', 'sqlite', '/data/s2.sqlite')};
      ${snapshotRow('s3', 'url:app@db.example.com:5433/Orders', 'postgres', 'switchyard_snapshot_3')};
      ${snapshotRow('s4', `url:sqlite:${sqlitePath}`, 'sqlite', '/data/s4.sqlite')};
    `);

    const step = storeMigrations.find((m) => m.version === 4);
    db.exec(step?.sql ?? '');

    const snapshots = new SnapshotRepository(db);
    const orders = databaseKeyOf({ engine: 'postgres', host: 'DB.example.com', port: 5433, database: 'Orders', sqlitePath: '' });
    const shop = databaseKeyOf({ engine: 'sqlite', host: '', port: 0, database: '', sqlitePath });
    expect(snapshots.list(orders).map((s) => [s.id, s.state, s.heads])).toEqual([
      ['s3', 'ready', ['r1']],
      ['s1', 'ready', ['r1']],
    ]);
    expect(snapshots.list(shop).map((s) => [s.id, s.state])).toEqual([
      ['s4', 'ready'],
      ['s2', 'ready'],
    ]);
    expect(snapshots.get('s1')).not.toHaveProperty('shape');
    db.close();
  });
});
