// A SQLite snapshot opened to be read: the snapshot is a file copy of its own, opened read-only where
// it lies; there is nothing to drop after.
import { existsSync } from 'node:fs';
import { SwitchyardError } from '../../../src-shared/errors';
import type { ScratchDatabase } from '../../scratch/scratchDatabase';

export async function openSqliteSnapshotToRead(location: string): Promise<ScratchDatabase> {
  // A missing file would otherwise read as an empty database: a snapshot whose copy is gone says so.
  if (!existsSync(location)) throw new SwitchyardError('E_FILE_NOT_FOUND', `The snapshot's file ${location} is gone.`);
  return {
    connection: { engine: 'sqlite', host: '', port: 0, database: '', user: '', sslMode: 'disable', sslCaFile: '', sqlitePath: location, readOnly: true },
    where: `the snapshot's file ${location}, read-only`,
    drop: async () => undefined,
  };
}
