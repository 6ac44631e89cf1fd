// Starts `switchyard serve` as a user would (the real CLI, a fresh data folder) and reads its URL.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { storeExists } from '../../src-main/store/storeFiles';
import { storeWithCheapKey } from '../support/cheapKeyStore';

export interface ServedApp {
  url: string;
  home: string;
  stop(): Promise<void>;
}

export function newHome(): string {
  return mkdtempSync(join(tmpdir(), 'switchyard-e2e-'));
}

export interface ServeOptions {
  /**
   * `cheap` (the default): a serve given SWITCHYARD_PASSPHRASE on a folder with no store, and no first-run
   * demo to make, finds its store made already with a cheap key derivation (support/cheapKeyStore.ts: real
   * scrypt at N = 2^10), as does every CLI run beside it on that store. `asServed`: serve makes the store
   * itself at the default cost, for specs about the store and its keys.
   */
  store?: 'cheap' | 'asServed';
}

/** `args`: more `switchyard serve` options (e.g. `--renderer DIR`). */
export async function serve(home: string, env: Record<string, string> = {}, args: string[] = [], { store = 'cheap' }: ServeOptions = {}): Promise<ServedApp> {
  const passphrase = env.SWITCHYARD_PASSPHRASE;
  // A serve that makes the store also makes the first-run demo (SWITCHYARD_DEMO not off, as below): that one makes its own.
  const firstRunDemo = (env.SWITCHYARD_DEMO ?? 'off') !== 'off' && !args.includes('--no-demo');
  if (store === 'cheap' && passphrase && !firstRunDemo && !storeExists(home)) {
    await storeWithCheapKey(home, passphrase);
  }
  const child: ChildProcess = spawn(process.execPath, [resolve('bin/switchyard.mjs'), 'serve', ...args], {
    // Each test starts from an empty store unless it asks for the first-run demo.
    env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: '', SWITCHYARD_DEMO: 'off', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((done, fail) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(output);
      if (match?.[1]) done(match[1]);
    });
    child.once('exit', (code) => fail(new Error(`switchyard serve exited with ${code}: ${output}`)));
  });
  return {
    url,
    home,
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

export function postgresUnderTest(): { host: string; port: number; user: string; password: string } {
  return JSON.parse(process.env.E2E_PG ?? '{}') as { host: string; port: number; user: string; password: string };
}
