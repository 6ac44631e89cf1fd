// SQLite target databases through the same native module as the store (no key: plain files).
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { userInfo } from 'node:os';
import { SwitchyardError } from '../../../src-shared/errors';
import { SqlExecutionError, type ConnectionTarget, type Driver, type Row } from '../../drivers/driver';
import { openSqlite, type SqliteDatabase } from '../../sqliteModule';
import type { ConnectOptions } from '../engine';

/** The current user may write the file or folder (a missing SQLite file needs a writable folder). */
export function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export async function connectSqlite(target: ConnectionTarget, options: ConnectOptions = {}): Promise<Driver> {
  const path = target.sqlitePath;
  if (!options.create && !existsSync(path)) {
    throw new SwitchyardError('E_FILE_NOT_FOUND', `SQLite file ${path} does not exist.`);
  }
  let db: SqliteDatabase;
  try {
    db = openSqlite(path, { readonly: target.readOnly, fileMustExist: !options.create, timeout: target.timeoutMs ?? 5_000 });
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') throw new SwitchyardError('E_CONNECTION_FAILED', `${path} is not a SQLite database (or it is encrypted).`);
    throw new SwitchyardError('E_CONNECTION_FAILED', `Cannot open ${path}: ${(error as Error).message}`);
  }

  const query = async <T extends Row>(sql: string, params: unknown[] = []): Promise<T[]> => {
    try {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all(...params) as T[];
      statement.run(...params);
      return [];
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'SQLITE_READONLY') throw new SwitchyardError('E_READ_ONLY', 'This connection is read-only: the statement would write.');
      throw new SwitchyardError('E_CONNECTION_FAILED', (error as Error).message, { sqliteCode: code });
    }
  };

  return {
    engine: 'sqlite',
    query,
    async execScript(sql) {
      try {
        db.exec(sql);
      } catch (error) {
        const code = (error as { code?: string }).code;
        throw new SqlExecutionError((error as Error).message, code, undefined, false);
      }
    },
    literal: (value) => `'${value.replace(/'/g, "''")}'`,
    async describe() {
      const started = performance.now();
      const row = db.prepare('SELECT sqlite_version() AS version').get() as { version: string };
      const latencyMs = performance.now() - started;
      return {
        serverVersion: `SQLite ${row.version}`,
        latencyMs: Math.round(latencyMs * 100) / 100,
        currentUser: userInfo().username,
        canCreateDatabase: writable(dirname(path)),
        readOnly: db.readonly,
      };
    },
    async close() {
      db.close();
    },
  };
}
