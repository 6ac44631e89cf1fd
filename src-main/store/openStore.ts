// Opens (or creates) the encrypted store: one SQLite file encrypted whole with SQLCipher's format.
// Nothing writes to an existing store until it is known to be a store and the key known to open it,
// so a wrong key or a damaged file leaves it byte-for-byte as it was.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SwitchyardError } from '../../src-shared/errors';
import { openSqlite, type SqliteDatabase } from '../sqliteModule';
import { judgeKey, keepKeyCheck, keyCheckFileName, type KeyVerdict } from './keyCheck';
import { kdfFileName, type KeyProvider } from './keyProvider';
import { isReadOnlyError, keepPrivate, privateFileMode, requireWritable, storeReadOnly } from './storeAccess';
import { storeCorrupt, visibleDamage } from './storeDamage';
import { storeMigrations, storeSchemaVersion } from './schema';
import { storePath } from './storeFiles';
import { settleInterruptedSwap } from './rekeySwap';

export type StoreDatabase = SqliteDatabase;

export { storeExists, storeFileName, storePath } from './storeFiles';

export function applyKey(db: StoreDatabase, key: Buffer): void {
  // SQLCipher 4 page format, so the file opens in standard SQLCipher tools with the same raw key.
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`hexkey='${key.toString('hex')}'`);
}

type Probe = 'opens' | 'notOpened' | 'damaged';

/** Reads the store on a read-only handle: does the key open it, and are its pages whole? */
function probe(path: string, key: Buffer): Probe {
  const db = openSqlite(path, { readonly: true, fileMustExist: true });
  try {
    applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    const problems = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    return problems.length === 1 && problems[0]?.quick_check === 'ok' ? 'opens' : 'damaged';
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') return 'notOpened';
    if (code === 'SQLITE_CORRUPT') return 'damaged';
    throw error;
  } finally {
    db.close();
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
      migration.run?.(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

function openWritable(path: string, key: Buffer): StoreDatabase {
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
    throw isReadOnlyError(error) ? storeReadOnly(path) : error;
  }
}

/** Builds a new store beside its final name and renames it into place: a crash never leaves a half-made store. */
function createStore(path: string, key: Buffer): void {
  const partial = `${path}.creating`;
  // A leftover from a creation that was killed: never a store anyone used, so it can go.
  for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(leftover, { force: true });
  // Made first with a private mode; SQLite gives its journal files the mode of the database file.
  closeSync(openSync(partial, 'wx', privateFileMode));
  openWritable(partial, key).close();
  renameSync(partial, path);
}

/**
 * Removes the journal files a refused read created, while the WAL is still empty: once another
 * process has written to it, it is that process's. Best effort: where the folder is read-only,
 * SQLite could not have created them either.
 */
function removeProbeJournal(path: string, created: string[]): void {
  const wal = `${path}-wal`;
  if (created.includes(wal) && existsSync(wal) && statSync(wal).size > 0) return;
  for (const file of created) {
    try {
      rmSync(file, { force: true });
    } catch {
      // The refusal being reported matters more than a leftover empty journal file.
    }
  }
}

function refuseUnopenedStore(path: string, verdict: KeyVerdict, keys: KeyProvider): never {
  if (verdict === 'right') throw storeCorrupt(path, 'overwritten');
  if (verdict === 'wrong') throw new SwitchyardError('E_WRONG_PASSPHRASE', keys.wrongKeyMessage);
  // Without a kept check value (a store older than checks) a wrong key and a damaged file look alike.
  throw new SwitchyardError('E_WRONG_PASSPHRASE', `${keys.wrongKeyMessage} If you are sure of it, the store file may be damaged: restore a backup of ${path}.`);
}

/** The first run: the key (and what finds it again), then the store, then its key check. */
async function createFirstStore(storeDir: string, path: string, keys: KeyProvider): Promise<StoreDatabase> {
  try {
    mkdirSync(storeDir, { recursive: true, mode: 0o700 });
    const key = await keys.unlock(storeDir, true);
    createStore(path, key);
    keepKeyCheck(storeDir, key);
    return openWritable(path, key);
  } catch (error) {
    throw isReadOnlyError(error) ? storeReadOnly(path) : error;
  }
}

export async function openStore(storeDir: string, keys: KeyProvider): Promise<StoreDatabase> {
  const path = storePath(storeDir);
  // A rekey or restore cut off by a crash is finished or undone first: its key files decide which key opens the store.
  if (existsSync(storeDir)) settleInterruptedSwap(storeDir);
  if (!existsSync(path)) return createFirstStore(storeDir, path, keys);
  const damage = visibleDamage(path);
  if (damage) throw storeCorrupt(path, damage);
  const key = await keys.unlock(storeDir, false);
  // A check that disagrees is not trusted alone: it may belong to another store (a partial restore).
  const verdict = judgeKey(storeDir, key);
  const journal = [`${path}-wal`, `${path}-shm`].filter((file) => !existsSync(file));
  requireWritable(path);
  try {
    const probed = probe(path, key);
    if (probed === 'notOpened') refuseUnopenedStore(path, verdict, keys);
    if (probed === 'damaged') throw storeCorrupt(path, 'damaged');
  } catch (error) {
    // Reading a WAL-mode store makes SQLite create its empty journal files; a refused store is left as it was found.
    removeProbeJournal(path, journal);
    throw isReadOnlyError(error) ? storeReadOnly(path) : error;
  }
  keepPrivate([path, `${path}-wal`, `${path}-shm`, join(storeDir, kdfFileName), join(storeDir, keyCheckFileName)]);
  const db = openWritable(path, key);
  if (verdict !== 'right') keepKeyCheck(storeDir, key);
  return db;
}
