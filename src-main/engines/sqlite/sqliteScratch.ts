// SQLite scratch databases: a new file in a temporary folder of Switchyard's own, removed whole
// (the database, its journal and the run lock beside it) when dropped.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ScratchDatabase, ScratchPlace } from '../../scratch/scratchDatabase';

export async function openSqliteScratch(place: ScratchPlace): Promise<ScratchDatabase> {
  const folder = mkdtempSync(join(place.fileFolder(), 'sqlite-'));
  const path = join(folder, 'scratch.sqlite');
  return {
    connection: { engine: 'sqlite', host: '', port: 0, database: '', user: '', sslMode: 'disable', sslCaFile: '', sqlitePath: path, readOnly: false },
    where: `a temporary file, ${path}`,
    drop: async () => rmSync(folder, { recursive: true, force: true }),
  };
}
