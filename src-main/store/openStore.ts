// Opens (or creates) the encrypted store: one SQLite file encrypted whole with SQLCipher's format.
// A wrong key is detected on a read-only handle first, so a failed open never writes a byte.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SwitchyardError } from '../../src-shared/errors';
import { openSqlite, type SqliteDatabase } from '../sqliteModule';
import type { KeyProvider } from './keyProvider';
import { storeMigrations, storeSchemaVersion } from './schema';

export type StoreDatabase = SqliteDatabase;

export const storeFileName = 'switchyard.db';

export function storePath(storeDir: string): string {
  return join(storeDir, storeFileName);
}

export function storeExists(storeDir: string): boolean {
  return existsSync(storePath(storeDir));
}

function applyKey(db: StoreDatabase, key: Buffer): void {
  // SQLCipher 4 page format, so the file opens in standard SQLCipher tools with the same raw key.
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`hexkey='${key.toString('hex')}'`);
}

function keyOpens(path: string, key: Buffer): boolean {
  const probe = openSqlite(path, { readonly: true, fileMustExist: true });
  try {
    applyKey(probe, key);
    probe.prepare('SELECT count(*) FROM sqlite_schema').get();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') return false;
    throw error;
  } finally {
    probe.close();
  }
}

function migrate(db: StoreDatabase): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > storeSchemaVersion) {
    throw new SwitchyardError(
      'E_STORE_CORRUPT',
      `The store was written by a newer Switchyard (schema ${current}, this build knows ${storeSchemaVersion}). Update Switchyard to open it.`,
    );
  }
  for (const migration of storeMigrations.filter((m) => m.version > current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

export async function openStore(storeDir: string, keys: KeyProvider): Promise<StoreDatabase> {
  mkdirSync(storeDir, { recursive: true, mode: 0o700 });
  const path = storePath(storeDir);
  const exists = existsSync(path);
  const key = await keys.unlock(storeDir, !exists);
  if (exists && !keyOpens(path, key)) {
    throw new SwitchyardError('E_WRONG_PASSPHRASE', keys.wrongKeyMessage);
  }
  const db = openSqlite(path);
  try {
    applyKey(db, key);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
