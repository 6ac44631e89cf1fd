// A whole, consistent copy of the open store's encrypted file, pages as they are (same key): the WAL
// checkpointed first, then the file copied under the write lock so no writer changes it meanwhile.
import { chmodSync, copyFileSync, existsSync, statSync } from 'node:fs';
import { openSqlite } from '../sqliteModule';
import { applyKey, type StoreDatabase } from './openStore';
import { privateFileMode } from './storeAccess';

export function copyOpenStore(db: StoreDatabase, from: string, to: string): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('BEGIN IMMEDIATE');
  try {
    copyFileSync(from, to);
    chmodSync(to, privateFileMode);
    // A reader elsewhere can keep the checkpoint from emptying the WAL: what it holds is copied too, and read with the copy.
    const wal = `${from}-wal`;
    if (existsSync(wal) && statSync(wal).size > 0) {
      copyFileSync(wal, `${to}-wal`);
      chmodSync(`${to}-wal`, privateFileMode);
    }
  } finally {
    db.exec('ROLLBACK');
  }
}

/** Opens a closed store file with a key and proves every page reads (SQLite's quick_check). */
export function provesOpen(path: string, key: Buffer): boolean {
  const db = openSqlite(path, { readonly: true, fileMustExist: true });
  try {
    applyKey(db, key);
    const problems = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    return problems.length === 1 && problems[0]?.quick_check === 'ok';
  } catch {
    return false;
  } finally {
    db.close();
  }
}
