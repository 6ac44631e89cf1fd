// Every SQLite handle (the store and SQLite targets) is opened here, so the desktop app can point
// the module at its Electron-ABI build (SWITCHYARD_SQLITE_BINDING) while tests use Node's.
import Database from 'better-sqlite3-multiple-ciphers';

export type SqliteDatabase = Database.Database;

export function openSqlite(path: string, options: Database.Options = {}): SqliteDatabase {
  const nativeBinding = process.env.SWITCHYARD_SQLITE_BINDING;
  return new Database(path, nativeBinding ? { ...options, nativeBinding } : options);
}
