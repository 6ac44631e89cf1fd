// A SQLite database cloned to rehearse a run on: the file copied through the online backup API (a
// consistent copy while others read and write it) into a scratch file, removed when dropped.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { ConnectionTarget } from '../../drivers/driver';
import type { CloneDatabase, LockWatch } from '../../scratch/cloneDatabase';
import type { ScratchPlace } from '../../scratch/scratchDatabase';
import { backupInto } from './sqliteLifecycle';
import { openSqliteScratch } from './sqliteScratch';

export async function openSqliteClone(source: ConnectionTarget, place: ScratchPlace): Promise<CloneDatabase> {
  const scratch = await openSqliteScratch(place);
  // A database not created yet is the empty file the run would create: the plan starts from nothing.
  if (!existsSync(source.sqlitePath)) {
    return {
      ...scratch,
      made: { how: 'file copy', description: `${scratch.where}, empty, as ${basename(source.sqlitePath)} does not exist yet (the run would create it)` },
    };
  }
  try {
    await backupInto(source.sqlitePath, scratch.connection.sqlitePath);
  } catch (error) {
    await scratch.drop();
    throw error;
  }
  return { ...scratch, made: { how: 'file copy', description: `a copy of ${basename(source.sqlitePath)} made with SQLite's backup API in ${scratch.where}` } };
}

/** SQLite has no table locks to sample: a write holds the whole file. */
export async function watchSqliteLocks(): Promise<LockWatch> {
  return {
    note: 'SQLite locks the whole database file while a revision writes, not single tables: readers wait for each revision to commit (see its time)',
    during: () => undefined,
    stop: async () => [],
  };
}
