// Which processes have the store open (the desktop app, a browser host, a CLI command), each a file
// `store.holder.<pid>.json` beside the store while it does, so that a rekey or restore can refuse while
// another process would keep writing to the file it replaces, and `switchyard store lock` can ask
// each of them to lock (a `store.holder.<pid>.lock` file, which the holder watches for).
import { existsSync, readdirSync, readFileSync, rmSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { SwitchyardError } from '../../src-shared/errors';

export interface StoreHolder {
  pid: number;
  /** What the process is, in words ("switchyard serve", "Switchyard desktop"). */
  what: string;
  since: string;
}

export const holderFile = (storeDir: string, pid: number, kind: 'json' | 'lock') => join(storeDir, `store.holder.${pid}.${kind}`);
const holderName = /^store\.holder\.\d+\.json$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Registers this process as holding the store open; returns the release. */
export function holdStore(storeDir: string, what: string): () => void {
  const file = holderFile(storeDir, process.pid, 'json');
  try {
    writeFileSync(file, `${JSON.stringify({ pid: process.pid, what, since: new Date().toISOString() } satisfies StoreHolder)}\n`, { mode: 0o600 });
  } catch {
    // The store opened, so its folder is writable; should this still fail, only a rekey elsewhere would not see this process.
  }
  return () => rmSync(file, { force: true });
}

/** The other live processes holding the store open; the files of processes gone (killed) are removed. */
export function otherHolders(storeDir: string): StoreHolder[] {
  const dir = storeDir;
  if (!existsSync(dir)) return [];
  const holders: StoreHolder[] = [];
  for (const name of readdirSync(dir).filter((n) => holderName.test(n))) {
    let holder: StoreHolder;
    try {
      holder = JSON.parse(readFileSync(join(dir, name), 'utf8')) as StoreHolder;
    } catch {
      continue;
    }
    if (holder.pid === process.pid) continue;
    if (alive(holder.pid)) holders.push(holder);
    else rmSync(join(dir, name), { force: true });
  }
  return holders;
}

/** Asks every other holder to lock; returns whom it asked. */
export function requestLock(storeDir: string): StoreHolder[] {
  const holders = otherHolders(storeDir);
  for (const holder of holders) writeFileSync(holderFile(storeDir, holder.pid, 'lock'), '', { mode: 0o600 });
  return holders;
}

/** Calls onLock when another process asks this one to lock; returns the stop. */
export function watchLockRequests(storeDir: string, onLock: () => void): () => void {
  const request = holderFile(storeDir, process.pid, 'lock');
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(storeDir, (_event, name) => {
      if (name !== `store.holder.${process.pid}.lock` || !existsSync(request)) return;
      rmSync(request, { force: true });
      onLock();
    });
    // The watch must not keep a CLI command's process alive.
    watcher.unref();
  } catch {
    // A folder that cannot be watched: `store lock` then cannot reach this process, which it says by its count.
  }
  return () => watcher?.close();
}

export function refuseWhileHeld(storeDir: string, doing: string): void {
  const holders = otherHolders(storeDir);
  if (holders.length === 0) return;
  throw new SwitchyardError(
    'E_LOCK_HELD',
    `The store is open in ${holders.map((h) => `${h.what} (pid ${h.pid})`).join(', ')}: ${doing} would be lost to it. ` +
      'Close it, or lock it with `switchyard store lock`, then try again. Nothing was changed.',
    { holders },
  );
}
