// A SQLite database file, written and read by a test as a user would with the sqlite3 shell.
import { openSqlite } from '../../src-main/sqliteModule';

export function execSqlite(path: string, sql: string): void {
  const db = openSqlite(path);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

export function sqliteRows(path: string, sql: string): unknown[] {
  const db = openSqlite(path, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}
