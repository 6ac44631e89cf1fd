// Where this process makes scratch databases: a folder of scratch files under Switchyard's data folder,
// and one embedded PostgreSQL, started the first time a target's server will not take a scratch
// database and kept until the services close (or the process exits).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedServer } from './embeddedPostgres';
import { cleanUpAtExit, folderOfThisProcess, foldersOfEndedProcesses } from './processFolders';
import type { EmbeddedServerAddress, ScratchPlace } from './scratchDatabase';

const filesPrefix = 'files';
/** This process's scratch file folders: made once, removed at exit even when the services are never closed. */
const made = new Set<string>();

export class ScratchPlaces implements ScratchPlace {
  private readonly root: string;
  private server: Promise<EmbeddedServer> | undefined;

  constructor(private readonly dataDir: string) {
    this.root = join(dataDir, 'scratch');
  }

  fileFolder(): string {
    const folder = folderOfThisProcess(this.root, filesPrefix);
    if (!made.has(folder)) {
      for (const left of foldersOfEndedProcesses(this.root, filesPrefix)) rmSync(left, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      made.add(folder);
      cleanUpAtExit(() => rmSync(folder, { recursive: true, force: true }));
    }
    return folder;
  }

  embeddedServer(): Promise<EmbeddedServerAddress> {
    this.server ??= startEmbeddedPostgres(this.dataDir, this.root, 'postgres').catch((error: unknown) => {
      // A failed start is not kept: the next look tries again.
      this.server = undefined;
      throw error;
    });
    return this.server;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await (await server?.catch(() => undefined))?.stop();
  }
}
