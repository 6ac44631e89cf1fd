// Snapshots belong to the database, not to the profile that took them (issue 10): a second profile
// of the same database (even through a symlinked path) sees them, and removing the last profile of a
// database asks whether to keep or delete its snapshots instead of leaving them unlisted.
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiMethod } from '../../../src-shared/api';
import type { Snapshot } from '../../../src-shared/model/reset';
import type { Services } from '../../../src-main/services';
import { openSqlite } from '../../../src-main/sqliteModule';
import { tempDir } from '../../support/tempDir';
import { unlockedServices } from './resetSupport';

const context = { actor: 'tester via test' };

async function call<T>(services: Services, method: ApiMethod, input: unknown): Promise<T> {
  const result = await services.dispatch(method, input, context);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as T;
}

/** A SQLite database with a row, and a second path to it through a symlinked folder. */
function databaseWithTwoPaths(): { path: string; linkedPath: string } {
  const folder = join(tempDir(), 'data');
  mkdirSync(folder);
  const path = join(folder, 'shop.sqlite');
  const db = openSqlite(path);
  db.exec("CREATE TABLE customers (name text); INSERT INTO customers VALUES ('Ada')");
  db.close();
  const link = join(tempDir(), 'linked');
  symlinkSync(folder, link);
  return { path, linkedPath: join(link, 'shop.sqlite') };
}

const addProfile = (services: Services, name: string, sqlitePath: string) =>
  call<{ id: string }>(services, 'profiles.create', { profile: { name, environment: 'dev', engine: 'sqlite', sqlitePath } });

describe('snapshots of a database', () => {
  it('are seen by every profile of that database, whichever took them', async () => {
    const services = await unlockedServices();
    const { path, linkedPath } = databaseWithTwoPaths();
    const first = await addProfile(services, 'Shop', path);
    const taken = await call<Snapshot>(services, 'snapshots.create', { profileId: first.id, name: 'shared' });
    const second = await addProfile(services, 'Shop (copy through a link)', linkedPath);

    expect(await call<Snapshot[]>(services, 'snapshots.list', { profileId: second.id })).toEqual([
      expect.objectContaining({ id: taken.id, name: 'shared', profileId: first.id }),
    ]);
  });

  it('are only "exclusive" to a profile when no other profile reaches the database', async () => {
    const services = await unlockedServices();
    const { path, linkedPath } = databaseWithTwoPaths();
    const first = await addProfile(services, 'Shop', path);
    const second = await addProfile(services, 'Shop again', linkedPath);
    await call<Snapshot>(services, 'snapshots.create', { profileId: first.id, name: 'kept' });

    expect(await call<Snapshot[]>(services, 'snapshots.exclusive', { profileId: first.id })).toEqual([]);
    await call(services, 'profiles.remove', { id: first.id });
    expect(await call<Snapshot[]>(services, 'snapshots.exclusive', { profileId: second.id })).toEqual([expect.objectContaining({ name: 'kept' })]);
  });

  it('make removing the last profile of the database ask, then keep them listed for the next profile', async () => {
    const services = await unlockedServices();
    const { path } = databaseWithTwoPaths();
    const only = await addProfile(services, 'Shop', path);
    const snapshot = await call<Snapshot>(services, 'snapshots.create', { profileId: only.id, name: 'before the move' });

    await expect(call(services, 'profiles.remove', { id: only.id })).rejects.toMatchObject({
      code: 'E_SNAPSHOTS_REMAIN',
      message: expect.stringContaining('"before the move"'),
    });
    expect(services.profiles.list().map((p) => p.id)).toEqual([only.id]);

    await call(services, 'profiles.remove', { id: only.id, snapshots: 'keep' });
    const next = await addProfile(services, 'Shop, new connection', path);
    expect(await call<Snapshot[]>(services, 'snapshots.list', { profileId: next.id })).toEqual([expect.objectContaining({ id: snapshot.id })]);
    expect(existsSync(snapshot.location)).toBe(true);
  });

  it('are deleted with the last profile when asked', async () => {
    const services = await unlockedServices();
    const { path } = databaseWithTwoPaths();
    const only = await addProfile(services, 'Shop', path);
    const snapshot = await call<Snapshot>(services, 'snapshots.create', { profileId: only.id, name: 'goes too' });

    await call(services, 'profiles.remove', { id: only.id, snapshots: 'delete' });

    expect(existsSync(snapshot.location)).toBe(false);
    const next = await addProfile(services, 'Shop, new connection', path);
    expect(await call<Snapshot[]>(services, 'snapshots.list', { profileId: next.id })).toEqual([]);
  });
});
