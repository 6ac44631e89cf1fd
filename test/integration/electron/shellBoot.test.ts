// The bundled Electron shell, booted under Node with a stand-in for the `electron` module only
// (test/support/electronStandIn.cjs): the real bundle, the real store, the real SQL parser and SQLite
// module. It catches what unit tests of parts cannot — a bundle that cannot find its WebAssembly or
// native module, a store not created with the keychain-wrapped key, an IPC handler never registered.
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../src-shared/api';
import type { GraphLoad } from '../../../src-shared/model/graphView';
import { invokeChannel } from '../../../src-main/electron/ipc';

interface Recorded {
  call: string;
  webPreferences?: Record<string, unknown>;
  url?: string;
  channel?: string;
}

const require = createRequire(import.meta.url);
const nodeSqliteModule = join(dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json')), 'build', 'Release', 'better_sqlite3.node');

let shell: ChildProcess;
let home: string;
const calls: Recorded[] = [];
const waiters = new Map<number, (result: ApiResult<unknown>) => void>();
let nextId = 1;
let shellOutput = '';

function build(script: string[]): void {
  const built = spawnSync(process.execPath, script, { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`${script.join(' ')} failed:\n${built.stderr}`);
}

function invoke<T>(sender: 'window' | 'stranger', method: string, input: unknown = {}): Promise<ApiResult<T>> {
  const id = nextId++;
  return new Promise((done) => {
    waiters.set(id, done as (result: ApiResult<unknown>) => void);
    shell.send({ type: 'invoke', id, channel: invokeChannel, sender, method, input });
  });
}

async function until(predicate: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !predicate(); waited += 50) {
    if (waited > 30_000) throw new Error(`The shell never ${what}; it recorded: ${JSON.stringify(calls)}`);
    if (shell.exitCode !== null) throw new Error(`The shell exited (${shell.exitCode}) before it ${what}:\n${shellOutput}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  // The bundle under test is built from the sources of this checkout, and the renderer it must find.
  build(['scripts/build-main.mjs']);
  if (!existsSync('dist/renderer/index.html')) build([resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error']);
  home = mkdtempSync(join(tmpdir(), 'switchyard-shell-'));
  shell = fork(resolve('dist/main/main.cjs'), [], {
    execArgv: ['--require', resolve('test/support/electronStandIn.cjs')],
    env: { PATH: process.env.PATH, HOME: home, STANDIN_USER_DATA: home, SWITCHYARD_SQLITE_BINDING: nodeSqliteModule },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  shell.stdout?.on('data', (chunk: Buffer) => (shellOutput += chunk.toString()));
  shell.stderr?.on('data', (chunk: Buffer) => (shellOutput += chunk.toString()));
  shell.on('message', (message: { type: string; id?: number; result?: ApiResult<unknown> } & Recorded) => {
    if (message.type === 'record') calls.push(message);
    if (message.type === 'result') waiters.get(message.id as number)?.(message.result as ApiResult<unknown>);
  });
  await until(() => calls.some((c) => c.call === 'loadURL'), 'asked its window to load a page');
});

afterAll(() => {
  shell?.kill('SIGKILL');
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('the bundled desktop shell', () => {
  it('creates an encrypted store with a key wrapped by the keychain, private to the user', () => {
    expect(calls.some((c) => c.call === 'safeStorage.encryptStringAsync')).toBe(true);
    const wrapped = join(home, 'store.key');
    const store = join(home, 'switchyard.db');
    expect(statSync(wrapped).mode & 0o777).toBe(0o600);
    expect(statSync(store).mode & 0o077).toBe(0);
    expect(readFileSync(store).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(existsSync(join(home, 'store.kdf.json'))).toBe(false);
  });

  it('opens one sandboxed, isolated window on a renderer page that exists, with a preload that exists', () => {
    const preferences = calls.find((c) => c.call === 'new BrowserWindow')?.webPreferences;
    expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(existsSync(String(preferences?.preload))).toBe(true);
    const page = calls.find((c) => c.call === 'loadURL')?.url ?? '';
    expect(existsSync(fileURLToPath(page))).toBe(true);
    expect(calls.some((c) => c.call === 'session.setPermissionRequestHandler')).toBe(true);
  });

  it('answers its own window through the registered IPC handler, with the demo workspace made on first run', async () => {
    expect(calls).toContainEqual(expect.objectContaining({ call: 'ipcMain.handle', channel: invokeChannel }));
    const listed = await invoke<{ id: string; name: string; environment: string }[]>('window', 'profiles.list');
    expect(listed.ok).toBe(true);
    if (!listed.ok) return;
    expect(listed.value).toEqual([expect.objectContaining({ environment: 'demo' })]);

    // The graph reads the demo project's SQL with the PostgreSQL parser: its WebAssembly must be found beside the bundle.
    const graph = await invoke<GraphLoad>('window', 'graph.load', { profileId: listed.value[0]?.id });
    expect(graph).toMatchObject({ ok: true });
    if (!graph.ok) return;
    expect(graph.value.report.revisions.length).toBeGreaterThan(10);
    expect(graph.value.statusError).toBeNull();
  });

  it('refuses a message from any other sender', async () => {
    const refused = await invoke('stranger', 'profiles.list');
    expect(refused).toMatchObject({ ok: false, error: { code: 'E_UNAUTHORIZED' } });
  });
});
