// A pause at a named point of a rekey or restore, for the tests that SIGKILL the process there: with
// SWITCHYARD_TEST_PAUSE_AT=<point> and SWITCHYARD_TEST_PAUSE_FILE=<path>, the process writes the point's
// name to the file and blocks until it is killed. Without both variables it does nothing.
import { writeFileSync } from 'node:fs';

export type SwapPoint = 'copied' | 'rekeyed' | 'staged' | 'swapped' | 'keyFile';

export function pauseAt(point: SwapPoint): void {
  const file = process.env.SWITCHYARD_TEST_PAUSE_FILE;
  if (process.env.SWITCHYARD_TEST_PAUSE_AT !== point || !file) return;
  writeFileSync(file, point);
  // Blocks the thread (no event loop runs): the test's SIGKILL is what ends it.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
