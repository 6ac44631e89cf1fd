// Whether work recorded by a process (a snapshot being made, a reset running) may still be going on.

/** True for this process and any other process alive on this machine (the store is local to it). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
