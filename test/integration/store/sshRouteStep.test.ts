// Store step 10 on a store written by the previous version (schema 9): its profiles open with no SSH
// route and their passwords intact; a route saved keeps its hosts in order with their secrets apart,
// a host's secret stays with the same host only, and the route goes with its profile.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../../src-main/sqliteModule';
import { ProfileRepository } from '../../../src-main/store/profileRepository';
import { storeMigrations } from '../../../src-main/store/schema';
import { profileInputSchema } from '../../../src-shared/model/profile';
import { tempDir } from '../../support/tempDir';

describe('store step 10: SSH routes', () => {
  it('opens a schema 9 store with no routes, then keeps a route, its pinned keys and its secrets', () => {
    const db = openSqlite(join(tempDir(), 'store.db'));
    db.exec('PRAGMA foreign_keys = ON');
    for (const migration of storeMigrations.filter((m) => m.version <= 9)) {
      db.exec(migration.sql);
      migration.run?.(db);
    }
    db.exec(`INSERT INTO profiles (id, name, environment, engine, host, database, user, created_at, updated_at)
             VALUES ('p-orders', 'Orders', 'prod', 'postgres', 'db.internal', 'orders', 'app', 'x', 'x')`);
    db.exec(`INSERT INTO profile_secrets (profile_id, password) VALUES ('p-orders', 'Db-Secret-1')`);

    const step = storeMigrations.find((m) => m.version === 10);
    db.exec(step?.sql ?? '');
    const profiles = new ProfileRepository(db);
    const before = profiles.get('p-orders');
    expect(before).toMatchObject({ name: 'Orders', ssh: [], hasPassword: true });
    expect(profiles.password('p-orders')).toBe('Db-Secret-1');

    const pinned = `SHA256:${'k'.repeat(43)}`;
    const { id: _id, hasPassword: _has, createdAt: _c, updatedAt: _u, ...fields } = before;
    const withRoute = profileInputSchema.parse({
      ...fields,
      ssh: [
        { host: 'bastion', user: 'deploy', auth: 'password', hostKey: pinned, secret: 'Ssh-Secret-2' },
        { host: 'inner', port: 2222, user: 'ops', auth: 'key', keyFile: '/keys/id', secret: 'Key-Passphrase-3' },
      ],
    });
    const saved = profiles.update('p-orders', withRoute);
    expect(saved.ssh).toEqual([
      { host: 'bastion', port: 22, user: 'deploy', auth: 'password', keyFile: '', hostKey: pinned, hasSecret: true },
      { host: 'inner', port: 2222, user: 'ops', auth: 'key', keyFile: '/keys/id', hostKey: '', hasSecret: true },
    ]);
    expect(JSON.stringify(profiles.list())).not.toContain('Ssh-Secret-2');
    expect(profiles.sshSecrets('p-orders')).toEqual(['Ssh-Secret-2', 'Key-Passphrase-3']);

    // Edited without secrets: the first host is the same and keeps its password; the second moved, and loses its passphrase.
    const moved = profileInputSchema.parse({ ...fields, ssh: [saved.ssh[0], { ...saved.ssh[1], host: 'elsewhere' }] });
    profiles.update('p-orders', moved);
    expect(profiles.sshSecrets('p-orders')).toEqual(['Ssh-Secret-2', undefined]);
    expect(profiles.pinHostKey('p-orders', 1, pinned).ssh[1]?.hostKey).toBe(pinned);

    profiles.remove('p-orders');
    expect(db.prepare('SELECT (SELECT count(*) FROM profile_ssh_hops) + (SELECT count(*) FROM profile_ssh_secrets) AS n').get()).toEqual({ n: 0 });
    db.close();
  });
});
