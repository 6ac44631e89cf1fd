// SQLite: the database is a file. Snapshots are copies made with the online backup API (consistent
// while others read and write), kept in the app's data folder; a restore copies one back in place.
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SwitchyardError } from '../../../src-shared/errors';
import type { PrivilegeCheck, ResetMode } from '../../../src-shared/model/reset';
import type { ConnectionTarget } from '../../drivers/driver';
import { quoteIdentifier } from '../../drivers/identifier';
import type { DatabaseLifecycle } from '../../reset/lifecycle';
import { openSqlite } from '../../sqliteModule';
import { userObjects } from './schemaObjects';
import { connectSqlite, writable } from './sqliteDriver';

const companions = ['', '-wal', '-shm', '-journal'];

/** How long a backup waits for another program's lock on either file before giving up. */
const lockPatienceMs = 5_000;

/**
 * Copies one SQLite database into another file through the backup API. A lock held by another
 * program makes the first step busy, and better-sqlite3 then reports a finished copy of 0 pages: a
 * non-empty source copied as nothing is that lock, retried for a while, then refused in words.
 */
export async function backupInto(source: string, destination: string): Promise<void> {
  const sourceBytes = statSync(source).size;
  const started = performance.now();
  for (;;) {
    const db = openSqlite(source, { readonly: true, fileMustExist: true });
    let copied: number;
    try {
      copied = (await db.backup(destination)).totalPages;
    } finally {
      db.close();
    }
    if (copied > 0 || sourceBytes === 0) return;
    if (performance.now() - started > lockPatienceMs) {
      throw new SwitchyardError(
        'E_LOCK_HELD',
        `${basename(source)} or ${basename(destination)} is locked by another program (busy for ${lockPatienceMs / 1000} s): nothing was copied. Close what holds it and try again.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const partialOf = (location: string) => `${location}.partial`;

export async function openSqliteLifecycle(connection: ConnectionTarget, snapshotDir: string): Promise<DatabaseLifecycle> {
  const path = connection.sqlitePath;

  const objects = async () => {
    if (!existsSync(path)) return [];
    const driver = await connectSqlite(connection);
    try {
      // Views first: a view over a table goes before the table.
      const found = await userObjects(driver, ['table', 'view']);
      return [...found.filter((o) => o.type === 'view'), ...found.filter((o) => o.type === 'table')];
    } finally {
      await driver.close();
    }
  };

  const wipeStatements = async () => (await objects()).map((o) => `DROP ${o.type === 'view' ? 'VIEW' : 'TABLE'} ${quoteIdentifier(o.name)}`);

  const lifecycle: DatabaseLifecycle = {
    databaseName: basename(path),
    exists: async () => existsSync(path),
    recordedShape: () => undefined,
    sessions: async () => [],
    async privileges(mode: ResetMode): Promise<PrivilegeCheck> {
      const folder = dirname(path);
      if (mode === 'wipe') {
        return !existsSync(path) || writable(path)
          ? { ok: true, explanation: `${path} is writable.` }
          : { ok: false, explanation: `${path} is not writable by this user: change its permissions or reset as its owner.` };
      }
      return writable(folder)
        ? { ok: true, explanation: `The folder ${folder} is writable: the file can be deleted and created.` }
        : {
            ok: false,
            explanation: `The folder ${folder} is not writable by this user, so the file cannot be deleted and created. Use mode "wipe" if the file itself is writable.`,
          };
    },
    // The copy goes to the app's own data folder.
    snapshotPrivileges: () => ({ ok: true, explanation: 'Snapshots are copied into the app data folder.' }),
    snapshotPlace: `a copy of the file in ${snapshotDir}`,
    dropTitle: 'Delete the database file',
    wipeTitle: 'Drop every table and view (the file stays)',
    createTitle: () => 'Create an empty database file',
    // Other processes' connections are invisible on SQLite: there is nothing to terminate.
    terminateStatements: () => [],
    dropStatements: () => [`delete the file ${path} (and its -wal, -shm and -journal files)`],
    createStatements: () => [`create an empty SQLite database at ${path}`],
    wipeStatements,
    restoreStatements: (location) => [`copy ${location} into ${path} (SQLite online backup API)`],
    snapshotStatements: (location) => [`copy ${path} into ${location} (SQLite online backup API)`],
    terminate: async () => 0,
    async drop() {
      for (const suffix of companions) rmSync(`${path}${suffix}`, { force: true });
    },
    async create() {
      const driver = await connectSqlite(connection, { create: true });
      await driver.close();
    },
    async wipe() {
      const statements = await wipeStatements();
      const driver = await connectSqlite(connection, { create: true });
      try {
        // Foreign keys off first (it cannot change inside a transaction), so drop order does not matter.
        await driver.execScript(['PRAGMA foreign_keys = OFF', 'BEGIN', ...statements, 'COMMIT'].join(';\n'));
      } finally {
        await driver.close();
      }
    },
    // In place, not a rename over the file: connections still open on the file see the restored data,
    // and no stale -wal is replayed over it. The backup writes the file in one transaction, so a
    // failure or a kill half-way rolls back to the database as it was.
    restore: (location) => backupInto(location, path),
    replacedCopy: async () => undefined,
    async snapshot(snapshotId) {
      mkdirSync(snapshotDir, { recursive: true });
      const location = lifecycle.snapshotLocation(snapshotId);
      // Written beside and renamed when whole: a file at the location is always a complete copy.
      const partial = partialOf(location);
      if (existsSync(path)) await backupInto(path, partial);
      else openSqlite(partial).close();
      renameSync(partial, location);
      return { location, sizeBytes: statSync(location).size, sessionsEnded: 0 };
    },
    async settleSnapshot(location) {
      for (const suffix of companions) rmSync(`${partialOf(location)}${suffix}`, { force: true });
      return existsSync(location) ? statSync(location).size : undefined;
    },
    snapshotLocation: (snapshotId) => join(snapshotDir, `${snapshotId}.sqlite`),
    async deleteSnapshot(location) {
      for (const file of [location, partialOf(location)]) for (const suffix of companions) rmSync(`${file}${suffix}`, { force: true });
    },
    close: async () => undefined,
  };
  return lifecycle;
}
